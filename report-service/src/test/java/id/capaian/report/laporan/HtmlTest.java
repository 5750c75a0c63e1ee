package id.capaian.report.laporan;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import id.capaian.report.imports.Tabel;

import static org.assertj.core.api.Assertions.assertThat;

import id.capaian.report.laporan.Analisis;
import id.capaian.report.laporan.CapaianTable;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HtmlTest {

    @Inject Html pages;

    static final String SCRIPT = "<script>alert('x')</script>";

    String page(CapaianTable t) {
        return new String(pages.table(t), StandardCharsets.UTF_8);
    }

    @Test
    void aSelfContainedPrintablePageWithTitleMonthAndTotal() {
        String html = page(Fixture.table());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"id\">").contains("<meta charset=\"utf-8\">");
        assertThat(html).contains("@page { size: A4 landscape;").contains("<thead>").contains("display: table-header-group");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("http");
        assertThat(html).contains("<h1>Tabel Capaian Pelaksanaan Program, Kegiatan dan Sub Kegiatan Urusan Pemerintahan "
                + "Bidang Pemberdayaan Perempuan dan Perlindungan Anak (2.08) pada OPD P3AP2KB TA 2024</h1>");
        assertThat(html).contains("keadaan s.d. akhir bulan Desember 2024 (bulan 12)");
        assertThat(html).contains("<p class=\"status draft\">Status: DRAFT (belum dikunci: angka masih dapat berubah)</p>");
        assertThat(page(Fixture.locked())).contains("<p class=\"status final\">Status: FINAL (tahun 2024 dikunci "
                + "31 Maret 2025 oleh Ahmad Fauzi: LKPJ 2024 disampaikan ke DPRD)</p>");
        assertThat(html).contains("<th colspan=\"2\">Target</th>").contains("<th colspan=\"2\">Realisasi</th>");
        assertThat(html).contains("<tr class=\"total\"><td class=\"c\" colspan=\"7\">TOTAL</td>");
        assertThat(html).contains("<td class=\"n\">3.555.368.700</td>").contains("<td class=\"n\">3.214.176.245</td>");
        assertThat(html).contains("<td class=\"n\">27,54</td>").contains("<td class=\"n\">42,37</td>");
        assertThat(html).contains("<td class=\"n\">73.810.300</td>").contains("<td class=\"n\">55.926.300</td>");
        assertThat(html).contains("PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN");
        assertThat(html).contains("rowspan=\"47\"");
    }

    @Test
    void everyTextIsEscaped() {
        CapaianTable t = Fixture.table(r -> r.kode().equals("2.08.02")
                ? Fixture.annotate(r, "\"><img onerror=x>", SCRIPT, "a & b", "<b>tebal</b>")
                : r);
        String html = page(t);
        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img").doesNotContain("<b>tebal");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("&quot;&gt;&lt;img onerror=x&gt;").contains("a &amp; b");
        String analisis = new String(pages.analisis(Analisis.of(t)), StandardCharsets.UTF_8);
        assertThat(analisis).doesNotContain("<img").contains("&quot;&gt;&lt;img onerror=x&gt;");
    }

    @Test
    void theAnalysisPageHoldsEveryParagraph() {
        Analisis a = Analisis.of(Fixture.table());
        String html = new String(pages.analisis(a), StandardCharsets.UTF_8);
        assertThat(html).contains("@page { size: A4 landscape;");
        assertThat(html).contains("Dari target sebesar 65% dengan realisasi 27,54% atau dengan tingkat capaian 42,37%");
        assertThat(html).contains("<p class=\"kegiatan\">a. Kegiatan ").contains("<p class=\"sub\">1) Sub Kegiatan ");
        long paragraphs = html.lines().filter(l -> l.startsWith("<p class=\"program\">") || l.startsWith("<p class=\"kegiatan\">")
                || l.startsWith("<p class=\"sub\">")).count();
        assertThat(paragraphs).isEqualTo(47);
    }
}
