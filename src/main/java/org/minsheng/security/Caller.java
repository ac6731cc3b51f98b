package org.minsheng.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Who sends the request. Reads need no token and never look at it; a write asks for a group
 * ({@link #require}), and only then is the bearer token verified: its signature against the
 * configured public key ({@code mp.jwt.verify.publickey.location}), its issuer
 * ({@code mp.jwt.verify.issuer}) and its expiry. A failure tells the caller no more than that the
 * token was not accepted; the log says why, at debug level.
 */
@RequestScoped
public class Caller {

    /** Writes figures, indicators, programmes and sources. */
    public static final String EDITOR = "editor";

    /** Also writes regions, restores deleted figures and imports bundles. */
    public static final String ADMIN = "admin";

    private static final Logger LOG = Logger.getLogger(Caller.class);

    @Inject
    JWTParser parser;

    private String authorization;
    private Identity identity;

    /** A verified caller: the token's subject and groups. */
    public record Identity(String subject, Set<String> groups) {
    }

    /** The request's Authorization header, set by the executor before the operation runs. */
    public void authorization(String header) {
        this.authorization = header;
        this.identity = null;
    }

    /**
     * The verified caller, who must belong to {@code group} (an admin belongs to every group).
     * UNAUTHENTICATED without a valid token, FORBIDDEN without the group.
     */
    public Identity require(String group) {
        Identity caller = verified();
        if (!caller.groups().contains(group) && !caller.groups().contains(ADMIN)) {
            throw new ForbiddenException("This operation needs the " + group + " group, which the token does not give");
        }
        return caller;
    }

    private Identity verified() {
        if (identity != null) {
            return identity;
        }
        if (authorization == null || authorization.isBlank()) {
            throw new UnauthenticatedException("This operation needs a bearer token (Authorization: Bearer …)");
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new UnauthenticatedException("The Authorization header is not a bearer token");
        }
        try {
            var token = parser.parse(parts[1]);
            String subject = token.getSubject();
            if (subject == null || subject.isBlank()) {
                throw new UnauthenticatedException("The token was not accepted");
            }
            identity = new Identity(subject, Set.copyOf(token.getGroups()));
            return identity;
        } catch (ParseException | RuntimeException e) {
            if (e instanceof UnauthenticatedException refused) {
                throw refused;
            }
            LOG.debugf("Bearer token refused: %s", e.getMessage());
            throw new UnauthenticatedException("The token was not accepted");
        }
    }
}
