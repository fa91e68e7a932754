package org.stoxum.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line rules of stoxumd's ini reader (parseIniFile and Section::append). */
class IniFileTest {

    private static List<String> texts(List<IniLine> lines) {
        return lines.stream().map(IniLine::text).toList();
    }

    @Test
    void sectionsCollectTrimmedLinesWithTheirNumbers() {
        IniFile ini = IniFile.parse("t.cfg", "[ips]\n  a.example 1  \n\n\tb.example 2\n");
        IniSection ips = ini.section("ips").orElseThrow();
        assertEquals(List.of(new IniLine(2, "a.example 1"), new IniLine(4, "b.example 2")), ips.lines());
        assertEquals(1, ips.headerLine());
    }

    @Test
    void crlfAndLoneCrAreLineEnds() {
        IniFile ini = IniFile.parse("t.cfg", "[a]\r\nx\ry\r\n[b]\rz");
        assertEquals(List.of(new IniLine(2, "x"), new IniLine(3, "y")), ini.section("a").orElseThrow().lines());
        assertEquals(List.of(new IniLine(5, "z")), ini.section("b").orElseThrow().lines());
    }

    @Test
    void onlyAHashInTheFirstColumnIsAComment() {
        IniFile ini = IniFile.parse("t.cfg", "[a]\n# comment\n  # not a comment\nvalue # not stripped either\n");
        assertEquals(List.of("# not a comment", "value # not stripped either"),
                texts(ini.section("a").orElseThrow().lines()));
        assertEquals(1, ini.warnings().size());
        assertTrue(ini.warnings().get(0).startsWith("t.cfg:3: "), ini.warnings().get(0));
    }

    @Test
    void aHeaderMustFillTheWholeLine() {
        IniFile ini = IniFile.parse("t.cfg", "[a]\n[b] \n [c]\nv\n");
        assertFalse(ini.exists("b"));
        assertFalse(ini.exists("c"));
        assertEquals(List.of("[b]", "[c]", "v"), texts(ini.section("a").orElseThrow().lines()));
        assertEquals(2, ini.warnings().size());
    }

    @Test
    void headerNamesAreNotTrimmed() {
        IniFile ini = IniFile.parse("t.cfg", "[ a ]\nv\n");
        assertTrue(ini.exists(" a "));
        assertFalse(ini.exists("a"));
    }

    @Test
    void linesBeforeTheFirstHeaderGoToTheUnnamedSection() {
        IniFile ini = IniFile.parse("t.cfg", "orphan\n[a]\nv\n");
        assertEquals(List.of("orphan"), texts(ini.section("").orElseThrow().lines()));
    }

    @Test
    void aRepeatedHeaderContinuesTheSectionInAnyCase() {
        IniFile ini = IniFile.parse("t.cfg", "[ips]\na 1\n[other]\nx\n[IPS]\nb 2\n");
        IniSection ips = ini.section("Ips").orElseThrow();
        assertEquals(List.of("a 1", "b 2"), texts(ips.lines()));
        assertEquals("ips", ips.name());
        assertEquals(1, ips.headerLine());
    }

    @Test
    void anEmptySectionExists() {
        IniFile ini = IniFile.parse("t.cfg", "[validator_token]\n[x]\n");
        assertTrue(ini.exists("validator_token"));
        assertTrue(ini.section("validator_token").orElseThrow().isEmpty());
    }

    @Test
    void keyValueLinesSplitIntoKeysAndValuesAsBasicConfigDoes() {
        IniFile ini = IniFile.parse("t.cfg", String.join("\n",
                "[s]",
                "port = 51234",
                "Protocol=http, ws",
                "name_2 =  spaced value  ",
                "empty =",
                "1abc = x",
                "port = 6000",
                "plain line",
                "a=b=c"));
        IniSection s = ini.section("s").orElseThrow();
        assertEquals("6000", s.get("PORT").orElseThrow().value());
        assertEquals(7, s.get("port").orElseThrow().number());
        assertEquals("http, ws", s.get("protocol").orElseThrow().value());
        assertEquals("Protocol", s.get("protocol").orElseThrow().key());
        assertEquals("spaced value", s.get("name_2").orElseThrow().value());
        assertEquals("b=c", s.get("a").orElseThrow().value());
        assertFalse(s.get("empty").isPresent());
        assertEquals(List.of("empty =", "1abc = x", "plain line"), texts(s.values()));
        assertEquals(8, s.lines().size());
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        IniFile ini = IniFile.parse("t.cfg", "\uFEFF[server]\nport_rpc\n");
        assertTrue(ini.exists("server"));
    }
}
