package dz.libertaphonix.scheduler.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run's view of assignment: the assignable agents read once, without locks, and each planned
 * pass counted into their loads in memory, so a run's later orders see its earlier ones' agents
 * fuller, as in a real run. Planned by {@link AssignmentService}'s own rule; nothing is written.
 * Safe for the import's parallel stores.
 */
public final class AssignmentPreview {

    private final List<AgentLoad> agents;
    private final Instant now;

    AssignmentPreview(List<AgentLoad> agents, Instant now) {
        this.agents = agents;
        this.now = now;
    }

    /**
     * An order that would be assigned.
     *
     * @param label how the report names it ({@code NATU/1042 (CMD-1042)})
     * @param storeId its store
     */
    public record Candidate(String label, long storeId) {}

    /**
     * @param assigned each assigned order's label with its agent ({@code NATU/1042 (CMD-1042) → Amina
     *     (agent 3)}), in order
     * @param unassigned the orders no agent had capacity for (the last ones: a pass gives the oldest first)
     */
    public record Plan(List<String> assigned, List<String> unassigned) {}

    /** Plans the orders, oldest first, as one assignment pass would. */
    public synchronized Plan plan(List<Candidate> orders) {
        List<PendingOrder> pending = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            // the position stands for the id the order does not have yet
            pending.add(
                    new PendingOrder(i, orders.get(i).storeId(), orders.get(i).label()));
        }
        // a real pass reads its agents afresh: only today's load and the last assignment carry over
        agents.forEach(agent -> agent.pickedInThisPass = 0);
        List<Assignment> planned = AssignmentService.plan(agents, pending, now);
        List<String> assigned = new ArrayList<>(planned.size());
        for (Assignment assignment : planned) {
            assigned.add(
                    assignment.reference() + " → " + assignment.agentName() + " (agent " + assignment.agentId() + ")");
        }
        List<String> unassigned = orders.subList(planned.size(), orders.size()).stream()
                .map(Candidate::label)
                .toList();
        return new Plan(assigned, unassigned);
    }
}
