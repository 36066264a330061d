package io.safetyhub.enforcement.credit;

/** Credit grades (信用等级), best first; the district's own labels are the console's business. */
public enum CreditGrade { A, B, C, D }
