package dz.libertaphonix.scheduler.importing.webhook;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhookEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A webhook we registered on a store's EcoManager account: one per event, every id kept. */
@Entity
@Table(name = "ecomanager_webhooks")
public class RegisteredWebhook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "store_id", nullable = false)
    public long storeId;

    /** EcoManager's id of the webhook. */
    @Column(name = "webhook_id", nullable = false)
    public String webhookId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EcoManagerWebhookEvent event;

    @Column(name = "delivery_url", nullable = false)
    public String deliveryUrl;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
