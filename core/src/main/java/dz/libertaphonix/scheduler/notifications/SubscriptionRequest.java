package dz.libertaphonix.scheduler.notifications;

import java.util.List;

/**
 * A subscription as an admin describes it, to create or change one: on a change only the non-null
 * fields count. Names are the API's ({@code SyncFailed}, {@code json}, {@code fr}).
 *
 * @param jobs job ids; an empty list clears the filter (every job)
 * @param secret the signing secret; on creation, none = one is generated and returned once
 */
public record SubscriptionRequest(
        String url,
        List<String> events,
        List<String> jobs,
        String format,
        String language,
        String secret,
        Boolean enabled) {}
