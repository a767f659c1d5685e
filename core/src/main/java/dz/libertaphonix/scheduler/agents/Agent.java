package dz.libertaphonix.scheduler.agents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A call-centre agent who works imported orders. */
@Entity
@Table(name = "agents")
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    /** Employed and allowed to receive work. */
    @Column(nullable = false)
    public boolean active = true;

    /** On shift right now. */
    @Column(nullable = false)
    public boolean available = true;

    /** Orders the agent may receive per Algiers day. */
    @Column(name = "daily_capacity", nullable = false)
    public int dailyCapacity = 50;

    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
