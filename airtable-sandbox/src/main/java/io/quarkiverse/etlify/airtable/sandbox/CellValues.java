package io.quarkiverse.etlify.airtable.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Checks a cell value sent for a field against the field's type and turns it into the stored form, the way
 * https://airtable.com/developers/web/api/field-model describes each type's cell format. With {@code typecast},
 * "Airtable will try to convert string values in a record's fields object to the appropriate cell value"
 * (https://airtable.com/developers/web/api/update-multiple-records), and creates select options it does not
 * have; without it, a value of the wrong type is {@code INVALID_VALUE_FOR_COLUMN} and an unknown option
 * {@code INVALID_MULTIPLE_CHOICE_OPTIONS}. {@code null} clears a cell.
 */
final class CellValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ANSWERED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private CellValues() {
    }

    /**
     * The stored form of {@code value} for {@code field}, {@code null} for an empty cell.
     *
     * @param freeChoices whether unknown select options are added (typecast, or a field the sandbox made up)
     * @param newChoices collects the select options the value adds
     */
    static JsonNode convert(FieldSchema field, JsonNode value, boolean typecast, boolean freeChoices,
            List<String> newChoices) {
        if (value == null || value.isNull()) {
            return null;
        }
        FieldType type = field.type();
        if (type.textual()) {
            if (value.isTextual()) {
                return value;
            }
            if (typecast && (value.isNumber() || value.isBoolean())) {
                return TextNode.valueOf(value.asText());
            }
            throw invalid(field, value);
        }
        if (type.numeric()) {
            if (value.isNumber()) {
                return value;
            }
            if (typecast && value.isTextual()) {
                try {
                    return NODES.numberNode(new BigDecimal(value.asText().trim()));
                } catch (NumberFormatException e) {
                    throw invalid(field, value);
                }
            }
            throw invalid(field, value);
        }
        return switch (type) {
            case CHECKBOX -> checkbox(field, value, typecast);
            case DATE -> date(field, value, typecast);
            case DATE_TIME -> dateTime(field, value);
            case SINGLE_SELECT -> TextNode.valueOf(choice(field, value, freeChoices, newChoices));
            case MULTIPLE_SELECTS -> multipleSelects(field, value, typecast, freeChoices, newChoices);
            case MULTIPLE_RECORD_LINKS -> recordLinks(field, value);
            default -> throw invalid(field, value);
        };
    }

    /** Whether a stored cell is empty, and so left out of answers. */
    static boolean isEmpty(JsonNode cell) {
        return cell == null || cell.isNull() || cell.isTextual() && cell.asText().isEmpty()
                || cell.isBoolean() && !cell.asBoolean() || cell.isArray() && cell.isEmpty();
    }

    /** The field type a value suggests, for a field the sandbox creates on the fly. */
    static FieldType inferType(JsonNode value) {
        if (value.isNumber()) {
            return FieldType.NUMBER;
        }
        if (value.isBoolean()) {
            return FieldType.CHECKBOX;
        }
        if (value.isArray()) {
            boolean links = !value.isEmpty();
            for (JsonNode element : value) {
                links &= element.isTextual() && Ids.is(Ids.RECORD, element.asText());
            }
            return links ? FieldType.MULTIPLE_RECORD_LINKS : FieldType.MULTIPLE_SELECTS;
        }
        return FieldType.SINGLE_LINE_TEXT;
    }

    /** A value for comparing merge-field cells. */
    static String comparable(JsonNode cell) {
        if (cell == null || cell.isNull()) {
            return "";
        }
        if (cell.isNumber()) {
            return cell.decimalValue().stripTrailingZeros().toPlainString();
        }
        return cell.isTextual() ? cell.asText() : cell.toString();
    }

    private static JsonNode checkbox(FieldSchema field, JsonNode value, boolean typecast) {
        if (value.isBoolean()) {
            return value;
        }
        if (typecast && value.isTextual()) {
            String text = value.asText().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return NODES.booleanNode(text.equals("true"));
            }
        }
        throw invalid(field, value);
    }

    private static JsonNode date(FieldSchema field, JsonNode value, boolean typecast) {
        if (value.isTextual()) {
            String text = value.asText().trim();
            try {
                return TextNode.valueOf(LocalDate.parse(text).toString());
            } catch (DateTimeParseException notADate) {
                if (typecast) {
                    try {
                        return TextNode.valueOf(OffsetDateTime.parse(text).toLocalDate().toString());
                    } catch (DateTimeParseException notADateTime) {
                        // refused below
                    }
                }
            }
        }
        throw invalid(field, value);
    }

    private static JsonNode dateTime(FieldSchema field, JsonNode value) {
        if (value.isTextual()) {
            try {
                OffsetDateTime dateTime = OffsetDateTime.parse(value.asText().trim());
                return TextNode.valueOf(ANSWERED.format(dateTime.toInstant().truncatedTo(ChronoUnit.MILLIS)
                        .atOffset(java.time.ZoneOffset.UTC)));
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw invalid(field, value);
    }

    private static String choice(FieldSchema field, JsonNode value, boolean freeChoices, List<String> newChoices) {
        if (!value.isTextual()) {
            throw invalid(field, value);
        }
        String name = value.asText();
        if (field.choices().contains(name) || newChoices.contains(name)) {
            return name;
        }
        if (!freeChoices) {
            throw ApiError.unprocessable(ApiError.INVALID_MULTIPLE_CHOICE_OPTIONS,
                    "Insufficient permissions to create new select option \"\"" + name + "\"\"");
        }
        newChoices.add(name);
        return name;
    }

    private static JsonNode multipleSelects(FieldSchema field, JsonNode value, boolean typecast, boolean freeChoices,
            List<String> newChoices) {
        List<JsonNode> elements = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(elements::add);
        } else if (typecast && value.isTextual()) {
            for (String part : value.asText().split(",")) {
                elements.add(TextNode.valueOf(part.trim()));
            }
        } else {
            throw invalid(field, value);
        }
        ArrayNode stored = NODES.arrayNode();
        for (JsonNode element : elements) {
            stored.add(choice(field, element, freeChoices, newChoices));
        }
        return stored;
    }

    private static JsonNode recordLinks(FieldSchema field, JsonNode value) {
        if (!value.isArray()) {
            throw invalid(field, value);
        }
        for (JsonNode element : value) {
            if (!element.isTextual() || !Ids.is(Ids.RECORD, element.asText())) {
                throw invalid(field, value);
            }
        }
        return value;
    }

    private static ApiError invalid(FieldSchema field, JsonNode value) {
        return ApiError.unprocessable(ApiError.INVALID_VALUE_FOR_COLUMN, "Field \"" + field.name()
                + "\" cannot accept the provided value: " + value + " is not a " + field.type().apiName() + " value");
    }
}
