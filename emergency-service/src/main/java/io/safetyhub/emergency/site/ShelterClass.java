package io.safetyhub.emergency.site;

/**
 * The class of an emergency shelter (应急避难场所) after how long it can house people, as GB 21734-2008
 * 《地震应急避难场所 场址及配套设施》 grades them: Ⅰ类 long-term (30 days and more), Ⅱ类 medium-term (10 to 30 days),
 * Ⅲ类 short-term (up to 10 days, often a square or a school ground).
 */
public enum ShelterClass { LONG_TERM, MEDIUM_TERM, SHORT_TERM }
