package dz.libertaphonix.scheduler.api.http;

/** Input patterns shared by the request bodies: the same checks the schema makes, refused earlier and clearer. */
public final class Patterns {

    public static final String STORE_IDENTIFIER = "^[A-Z0-9][A-Z0-9_-]{0,31}$";
    public static final String STORE_IDENTIFIER_MESSAGE = "must be 1-32 upper-case letters, digits, '_' or '-'";
    public static final String HTTP_URL = "^https?://\\S+$";
    public static final String HTTP_URL_MESSAGE = "must be an http(s) URL";
    // the schema's own check: one '@', no white space
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+$";
    public static final String EMAIL_MESSAGE = "must be a well-formed email address";
    public static final String NOT_BLANK = "(?s).*\\S.*";
    public static final String NOT_BLANK_MESSAGE = "must not be blank";

    private Patterns() {}
}
