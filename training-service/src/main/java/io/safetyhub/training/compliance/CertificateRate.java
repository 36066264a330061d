package io.safetyhub.training.compliance;

/**
 * Certificate rate (持证率) of the three posts (三项岗位) for one enterprise, sector or district; target 100 %.
 *
 * @param key        enterprise id, sector or district
 * @param name       enterprise name (null for sectors and districts)
 * @param required   employed people in the three posts
 * @param certified  of those, people holding a VALID or EXPIRING certificate that qualifies for the post
 * @param rate       certified / required in percent, one decimal; null when nobody is required
 */
public record CertificateRate(String key, String name, String district, long required, long certified, long uncertified,
                              Double rate) {

    public static CertificateRate of(String key, String name, String district, long required, long certified) {
        Double rate = required == 0 ? null : Math.round(certified * 1000.0 / required) / 10.0;
        return new CertificateRate(key, name, district, required, certified, required - certified, rate);
    }
}
