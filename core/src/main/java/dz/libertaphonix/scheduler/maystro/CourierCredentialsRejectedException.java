package dz.libertaphonix.scheduler.maystro;

/** Maystro answered 401 or 403 to an account's key: never retried, the account is marked REJECTED. */
public class CourierCredentialsRejectedException extends MaystroException {

    private final int httpStatus;

    public CourierCredentialsRejectedException(String account, int httpStatus) {
        super(account, "Maystro rejected the key of account '" + account + "' (HTTP " + httpStatus + ")");
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
