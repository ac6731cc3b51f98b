package org.minsheng.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token: its signature against the configured public key
 * ({@code mp.jwt.verify.publickey.location}), its issuer ({@code mp.jwt.verify.issuer}) and its
 * expiry. A failure tells the caller no more than that the token was not accepted; the log says why,
 * at debug level. {@link Caller} uses it for GraphQL writes, the import endpoint directly.
 */
@ApplicationScoped
public class Bearer {

    private static final Logger LOG = Logger.getLogger(Bearer.class);

    @Inject
    JWTParser parser;

    /** A verified caller: the token's subject and groups. */
    public record Identity(String subject, Set<String> groups) {

        /** This caller, who must belong to {@code group} (an admin belongs to every group); FORBIDDEN otherwise. */
        public Identity require(String group) {
            if (!groups.contains(group) && !groups.contains(Caller.ADMIN)) {
                throw new ForbiddenException("This operation needs the " + group + " group, which the token does not give");
            }
            return this;
        }
    }

    /** The caller an Authorization header names; UNAUTHENTICATED without a valid bearer token. */
    public Identity verify(String authorization) {
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
            return new Identity(subject, Set.copyOf(token.getGroups()));
        } catch (ParseException | RuntimeException e) {
            if (e instanceof UnauthenticatedException refused) {
                throw refused;
            }
            LOG.debugf("Bearer token refused: %s", e.getMessage());
            throw new UnauthenticatedException("The token was not accepted");
        }
    }
}
