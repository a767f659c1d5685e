package dz.libertaphonix.scheduler.api.admin;

/** Input patterns shared by the request bodies: the same checks the schema makes, refused earlier and clearer. */
final class Patterns {

    static final String STORE_IDENTIFIER = "^[A-Z0-9][A-Z0-9_-]{0,31}$";
    static final String STORE_IDENTIFIER_MESSAGE = "must be 1-32 upper-case letters, digits, '_' or '-'";
    static final String HTTP_URL = "^https?://\\S+$";
    static final String HTTP_URL_MESSAGE = "must be an http(s) URL";
    // the schema's own check: one '@', no white space
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+$";
    static final String EMAIL_MESSAGE = "must be a well-formed email address";
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String NOT_BLANK_MESSAGE = "must not be blank";

    private Patterns() {}
}
