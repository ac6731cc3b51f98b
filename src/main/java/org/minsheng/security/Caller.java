package org.minsheng.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who sends the request. Reads need no token and never look at it; a write asks for a group
 * ({@link #require}), and only then is the bearer token verified ({@link Bearer}).
 */
@RequestScoped
public class Caller {

    /** Writes figures, indicators, programmes and sources. */
    public static final String EDITOR = "editor";

    /** Also writes regions, restores deleted figures and imports bundles. */
    public static final String ADMIN = "admin";

    @Inject
    Bearer bearer;

    private String authorization;
    private Bearer.Identity identity;

    /** The request's Authorization header, set by the executor before the operation runs. */
    public void authorization(String header) {
        this.authorization = header;
        this.identity = null;
    }

    /**
     * The verified caller, who must belong to {@code group} (an admin belongs to every group).
     * UNAUTHENTICATED without a valid token, FORBIDDEN without the group.
     */
    public Bearer.Identity require(String group) {
        if (identity == null) {
            identity = bearer.verify(authorization);
        }
        return identity.require(group);
    }
}
