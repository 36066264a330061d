package io.safetyhub.enforcement.penalty;

/**
 * An entry of the violation catalogue (违法行为目录): the act, the article of the 安全生产法 (2021) that punishes it,
 * and the fine range that article allows, in whole yuan. The catalogue is data an operator keeps; a case copies the
 * entry it was filed under, so a later edit does not change a case under way.
 *
 * @param fineMin lowest fine the article allows (1 where it says only "…以下")
 * @param fineMax highest fine the article allows
 * @param note    the article's penalty clause as worded
 */
public record Violation(String code, String title, String article, long fineMin, long fineMax, String note) {
}
