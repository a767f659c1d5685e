package dz.libertaphonix.scheduler.api.http;

/** The envelope of every successful admin API answer: {@code {"success": true, "data": …}}. */
public record ApiResponse<T>(boolean success, T data) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data);
    }
}
