package dz.libertaphonix.scheduler.notifications;

/** A new subscription and its signing secret in clear, told once to whoever created it. */
public record CreatedSubscription(Subscription subscription, String secret) {}
