package org.minsheng.graphql;

import org.eclipse.microprofile.config.ConfigProvider;

/** The validated {@code first}/{@code after} arguments of a connection field. */
public record PageRequest(int first, String after) {

    /** The default of every connection's first argument, as the schema states it. */
    public static final String DEFAULT_FIRST_ARGUMENT = "20";

    public static final int DEFAULT_FIRST = Integer.parseInt(DEFAULT_FIRST_ARGUMENT);

    /** The description of a connection's first argument. */
    public static final String FIRST_DESCRIPTION = "Page size, 0 to 100.";

    /** The description of a connection's after argument. */
    public static final String AFTER_DESCRIPTION = "Cursor after which the page starts (pageInfo.endCursor of the previous page).";

    /** The page size limit, {@code minsheng.limits.page-size} (100 unless configured). */
    public static final int MAX_FIRST = ConfigProvider.getConfig()
            .getOptionalValue("minsheng.limits.page-size", Integer.class).orElse(100);

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 0) {
            throw new BadUserInputException("first must be between 0 and " + MAX_FIRST + "; got " + size);
        }
        if (size > MAX_FIRST) {
            throw pageSizeExceeded(size);
        }
        return new PageRequest(size, after);
    }

    public static LimitExceededException pageSizeExceeded(long size) {
        return new LimitExceededException("page-size", MAX_FIRST, size,
                "first must be between 0 and " + MAX_FIRST + " (minsheng.limits.page-size); got " + size);
    }
}
