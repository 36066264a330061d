package io.safetyhub.emergency.expert;

import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Masks;

/**
 * An expert as answered. The library is shared city-wide, so anyone signed in may find who knows what; the phone is
 * shown whole only to those who keep the expert's district (its regulators, city regulators, operators) and masked
 * ({@code 138****0001}) for everyone else, who asks through the district's duty office.
 */
public record ExpertView(String id, String name, String specialty, String title, String organisation, String phone,
                         boolean phoneMasked, String district) {

    static ExpertView of(Expert e, Caller caller) {
        boolean whole = caller.seesDistrict(e.district());
        return new ExpertView(e.id(), e.name(), e.specialty(), e.title(), e.organisation(),
                whole ? e.phone() : Masks.phone(e.phone()), !whole, e.district());
    }
}
