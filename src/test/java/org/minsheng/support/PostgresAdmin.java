package org.minsheng.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates and drops the PostgreSQL databases the tests use, through the maintenance database
 * {@code postgres}. Host, port, user and password come from MINSHENG_TEST_PG_HOST, _PORT, _USER
 * and _PASSWORD (defaults: 127.0.0.1, 5432, postgres, no password).
 */
public final class PostgresAdmin {

    public static final String HOST = env("MINSHENG_TEST_PG_HOST", "127.0.0.1");
    public static final String PORT = env("MINSHENG_TEST_PG_PORT", "5432");
    public static final String USER = env("MINSHENG_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("MINSHENG_TEST_PG_PASSWORD", "");

    private PostgresAdmin() {
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public static void ensureDatabase(String database) {
        try (Connection c = connect("postgres");
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " on " + url("postgres")
                    + " as " + USER + ": " + e.getMessage(), e);
        }
    }

    public static void dropDatabase(String database) {
        try (Connection c = connect("postgres"); Statement drop = c.createStatement()) {
            drop.execute("drop database if exists \"" + database + "\" with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    public static long count(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
