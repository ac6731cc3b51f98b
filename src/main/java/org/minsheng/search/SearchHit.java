package org.minsheng.search;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.Node;

@Name("SearchHit")
@Description("One object a search found, with the field that matched best.")
public record SearchHit(
        @NonNull @Description("The region, indicator or programme.") Node node,
        @NonNull @Description("The field that matched: code, name, nameEn, pinyin, description or descriptionEn.") String matchedField,
        @NonNull @Description("That field's text (for pinyin, the name's syllables: \"chi feng shi\").") String matchedText,
        @NonNull @Description("4 for an exact code or name, 3 for a prefix, 2 for a substring, 1 for a match in a "
                + "description.") double score) {
}
