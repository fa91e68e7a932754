package org.stoxum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.stoxum.engine.rpc.server.json.CNumbers;
import org.stoxum.engine.rpc.server.json.RippledJsonWriter;

/**
 * The indented JSON stoxumd's client prints (jsoncpp's {@code StyledWriter}): three-space indents,
 * {@code "key" : value}, members sorted, and short arrays of scalars kept on one line ({@code [ 1, 2 ]})
 * when they fit in 74 columns.
 */
final class StyledJson {
    private static final int RIGHT_MARGIN = 74;
    private static final String INDENT = "   ";

    private final StringBuilder document = new StringBuilder();
    private final List<String> childValues = new ArrayList<>();
    private boolean addChildValues;
    private String indentString = "";

    private StyledJson() {
    }

    /** The styled text of {@code value}, ending with a newline. */
    static String write(JsonNode value) {
        StyledJson w = new StyledJson();
        w.writeValue(value);
        w.document.append('\n');
        return w.document.toString();
    }

    private void writeValue(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            pushValue("null");
        } else if (v.isIntegralNumber()) {
            pushValue(v.bigIntegerValue().toString());
        } else if (v.isNumber()) {
            pushValue(CNumbers.formatG16(v.doubleValue()));
        } else if (v.isBoolean()) {
            pushValue(v.booleanValue() ? "true" : "false");
        } else if (v.isTextual()) {
            pushValue(quoted(v.textValue()));
        } else if (v.isArray()) {
            writeArray(v);
        } else {
            writeObject(v);
        }
    }

    private void writeObject(JsonNode v) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        if (names.isEmpty()) {
            pushValue("{}");
            return;
        }
        names.sort(StyledJson::compareUtf8);
        writeWithIndent("{");
        indent();
        for (int i = 0; i < names.size(); i++) {
            writeWithIndent(quoted(names.get(i)));
            document.append(" : ");
            writeValue(v.get(names.get(i)));
            if (i + 1 < names.size()) {
                document.append(',');
            }
        }
        unindent();
        writeWithIndent("}");
    }

    private void writeArray(JsonNode v) {
        int size = v.size();
        if (size == 0) {
            pushValue("[]");
            return;
        }
        if (isMultiLineArray(v)) {
            writeWithIndent("[");
            indent();
            boolean hasChildValues = !childValues.isEmpty();
            List<String> children = new ArrayList<>(childValues);
            for (int i = 0; i < size; i++) {
                if (hasChildValues) {
                    writeWithIndent(children.get(i));
                } else {
                    writeIndent();
                    writeValue(v.get(i));
                }
                if (i + 1 < size) {
                    document.append(',');
                }
            }
            unindent();
            writeWithIndent("]");
        } else {
            document.append("[ ");
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    document.append(", ");
                }
                document.append(childValues.get(i));
            }
            document.append(" ]");
        }
    }

    private boolean isMultiLineArray(JsonNode v) {
        int size = v.size();
        boolean multi = size * 3 >= RIGHT_MARGIN;
        childValues.clear();
        for (int i = 0; i < size && !multi; i++) {
            JsonNode c = v.get(i);
            multi = c.isContainerNode() && c.size() > 0;
        }
        if (!multi) {
            addChildValues = true;
            int lineLength = 4 + (size - 1) * 2;
            for (int i = 0; i < size; i++) {
                writeValue(v.get(i));
                lineLength += childValues.get(i).length();
            }
            addChildValues = false;
            multi = lineLength >= RIGHT_MARGIN;
        }
        return multi;
    }

    private void pushValue(String value) {
        if (addChildValues) {
            childValues.add(value);
        } else {
            document.append(value);
        }
    }

    private void writeIndent() {
        if (!document.isEmpty()) {
            char last = document.charAt(document.length() - 1);
            if (last == ' ') {
                return;
            }
            if (last != '\n') {
                document.append('\n');
            }
        }
        document.append(indentString);
    }

    private void writeWithIndent(String value) {
        writeIndent();
        document.append(value);
    }

    private void indent() {
        indentString += INDENT;
    }

    private void unindent() {
        indentString = indentString.substring(0, indentString.length() - INDENT.length());
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        RippledJsonWriter.quote(s, sb);
        return sb.toString();
    }

    /** Member order of the original's std::map: byte order of the UTF-8 names. */
    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
