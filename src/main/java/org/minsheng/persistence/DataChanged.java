package org.minsheng.persistence;

/** A CDI event fired after a write that changed what the database holds (a seed import, for now). */
public record DataChanged(String reason) {
}
