package org.fengqiao.categories.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * Administrators see the request taxonomy as a tree and import a taxonomy file, with a report of what was
 * added, what was already there and which lines were refused (and why).
 */
@IntegrationTest
class CategoryAdminPagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Categories categories;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(context);
    }

    @Test
    void showsTheTaxonomyAsATreeWithTheDisputeTypes() throws Exception {
        String html = pages.mvc.perform(get("/admin/categories").with(pages.as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<details").contains("城乡建设").contains("物业管理").contains("物业服务质量")
                .contains("邻里纠纷").contains("个末级分类");
    }

    @Test
    void importsATaxonomyAndReportsAddedUnchangedAndRefusedLines() throws Exception {
        String leaf = "测试新增分类" + (System.nanoTime() % 1_000_000L);
        String tsv = "level1\tlevel2\tlevel3\n"
                + "城乡建设\t物业管理\t物业服务质量\n"
                + "城乡建设\t物业管理\t" + leaf + "\n"
                + "只有两列\t缺第三列\n";
        MvcResult result = pages.mvc.perform(multipart("/admin/categories/import")
                .file(new MockMultipartFile("file", "taxonomy.tsv", "text/tab-separated-values",
                        tsv.getBytes(StandardCharsets.UTF_8)))
                .with(pages.as("admin")).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/categories");
        assertThat(result.getFlashMap().get("success")).isEqualTo("分类表已导入：新增 1 个，已存在 1 个，1 行未导入。");
        Categories.ImportReport report = (Categories.ImportReport) result.getFlashMap().get("report");
        assertThat(report.problems()).containsExactly("第 4 行：应为三个以制表符分隔、不超过60字的名称。");
        Category added = categories.list().stream().filter(c -> c.name().equals(leaf)).findFirst().orElseThrow();
        assertThat(added.path()).isEqualTo("城乡建设 / 物业管理 / " + leaf);
        assertThat(added.code()).startsWith(categories.list().stream().filter(c -> c.name().equals("物业管理"))
                .findFirst().orElseThrow().code());
    }

    @Test
    void refusesAFileWithoutTheHeaderOrNotInUtf8() throws Exception {
        MvcResult noHeader = pages.mvc.perform(multipart("/admin/categories/import")
                .file(new MockMultipartFile("file", "t.tsv", "text/plain", "城乡建设\t物业管理\t新分类\n"
                        .getBytes(StandardCharsets.UTF_8)))
                .with(pages.as("admin")).with(csrf())).andReturn();
        assertThat(noHeader.getFlashMap().get("error")).asString().contains("第一行须为表头");
        MvcResult gbk = pages.mvc.perform(multipart("/admin/categories/import")
                .file(new MockMultipartFile("file", "t.tsv", "text/plain", "level1\tlevel2\tlevel3\n城乡建设\t物业管理\t新分类\n"
                        .getBytes(java.nio.charset.Charset.forName("GBK"))))
                .with(pages.as("admin")).with(csrf())).andReturn();
        assertThat(gbk.getFlashMap().get("error")).isEqualTo("分类文件须为 UTF-8 编码的文本。");
        assertThat(categories.list().stream().noneMatch(c -> c.name().equals("新分类"))).isTrue();
    }
}
