package dz.libertaphonix.scheduler.importing.webhook;

import dz.libertaphonix.scheduler.common.errors.ConflictException;

/** Registration needs the public base URL EcoManager delivers to ({@code scheduler.webhooks.public-base-url}). */
public class WebhookUrlNotConfiguredException extends ConflictException {

    public WebhookUrlNotConfiguredException() {
        super("scheduler.webhooks.public-base-url is not set and the request named no host: EcoManager would not"
                + " know where to deliver");
    }
}
