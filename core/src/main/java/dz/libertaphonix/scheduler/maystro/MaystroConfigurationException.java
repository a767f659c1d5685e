package dz.libertaphonix.scheduler.maystro;

/** The Maystro settings are malformed (the message says where, never quoting a key). */
public class MaystroConfigurationException extends IllegalArgumentException {

    public MaystroConfigurationException(String message) {
        super(message);
    }
}
