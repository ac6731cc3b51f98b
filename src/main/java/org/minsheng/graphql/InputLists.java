package org.minsheng.graphql;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/** List arguments a caller sends (filter.regionCodes, ...): at most {@code minsheng.limits.list-items} items. */
public final class InputLists {

    public static final int MAX_ITEMS = ConfigProvider.getConfig()
            .getOptionalValue("minsheng.limits.list-items", Integer.class).orElse(1000);

    private InputLists() {
    }

    /** {@code list} itself, once it is known to be within the limit. */
    public static <T> List<T> checked(String argument, List<T> list) {
        if (list != null && list.size() > MAX_ITEMS) {
            throw new LimitExceededException("list-items", MAX_ITEMS, list.size(), argument + " has " + list.size()
                    + " items, over the limit of " + MAX_ITEMS + " (minsheng.limits.list-items)");
        }
        return list;
    }
}
