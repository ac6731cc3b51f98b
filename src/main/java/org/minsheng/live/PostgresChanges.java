package org.minsheng.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.minsheng.persistence.Catalogue;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * With PostgreSQL, listens on {@value ChangeFeed#CHANNEL} and {@value Catalogue#CHANNEL} over a
 * connection of its own (outside the pool: it is held for the process's life) and hands every
 * notification to the {@link ChangeFeed} or the {@link Catalogue}. If the connection breaks it
 * reconnects, once a second, and logs it: changes to figures committed while it was away are not
 * delivered to this replica's subscribers; the catalogue is read again whole.
 */
@ApplicationScoped
public class PostgresChanges {

    private static final Logger LOG = Logger.getLogger(PostgresChanges.class);

    @Inject
    ChangeFeed feed;

    @Inject
    Catalogue catalogue;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    java.util.Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    java.util.Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    private volatile boolean stopped;
    private volatile boolean listening;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!feed.viaPostgres() || url.isEmpty() || ApplicationLifecycleManager.isAppCDSGeneration()) {
            return;
        }
        thread = new Thread(this::run, "minsheng-pg-listen");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the listening connection is up (PostgreSQL only). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        boolean wasListening = false;
        while (!stopped) {
            try (Connection connection = DriverManager.getConnection(url.get(), user.orElse(null),
                    password.orElse(""))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeFeed.CHANNEL);
                    statement.execute("LISTEN " + Catalogue.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                if (wasListening) {
                    LOG.infof("Listening on %s again: changes committed while away were not delivered here",
                            ChangeFeed.CHANNEL);
                    catalogue.changedElsewhere(null);
                }
                wasListening = true;
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (notification.getName().equals(Catalogue.CHANNEL)) {
                                catalogue.changedElsewhere(notification.getParameter());
                            } else {
                                feed.receivedPayload(notification.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (stopped) {
                    return;
                }
                LOG.warnf("Listening for changes on %s failed (%s); trying again in 1 s", ChangeFeed.CHANNEL,
                        e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        listening = false;
    }
}
