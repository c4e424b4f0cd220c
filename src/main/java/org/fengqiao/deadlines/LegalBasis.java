package org.fengqiao.deadlines;

/**
 * The article a deadline policy rests on, as people cite it: a law by its short title (劳动争议调解仲裁法) and an
 * article (第十四条). The law library ({@code laws}) shows its text when it holds the law.
 */
public record LegalBasis(String law, String article) {

    /** 《劳动争议调解仲裁法》第十四条 */
    @Override
    public String toString() {
        return "《" + law + "》" + article;
    }
}
