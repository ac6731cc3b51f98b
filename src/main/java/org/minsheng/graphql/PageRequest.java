package org.minsheng.graphql;

/** The validated {@code first}/{@code after} arguments of a connection field. */
public record PageRequest(int first, String after) {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new BadUserInputException(
                    "first must be between 0 and " + MAX_FIRST + " (the page size limit); got " + size);
        }
        return new PageRequest(size, after);
    }

    /** The sort key the page starts after, or null for the first page. */
    public String afterKey() {
        return Cursor.decode(after);
    }

    public Long afterId() {
        return Cursor.decodeLong(after);
    }
}
