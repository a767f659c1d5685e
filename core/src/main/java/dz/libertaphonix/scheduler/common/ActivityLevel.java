package dz.libertaphonix.scheduler.common;

public enum ActivityLevel {
    DEBUG,
    INFO,
    WARN,
    ERROR
}
