package dz.libertaphonix.scheduler.importing.intake;

/** Live progress of an intake: how many orders it is about to commit, and each batch as it commits. */
public interface IntakeProgress {

    /** Nobody is watching. */
    IntakeProgress NONE = new IntakeProgress() {
        @Override
        public void expect(long orders) {}

        @Override
        public void committed(long orders) {}
    };

    void expect(long orders);

    void committed(long orders);
}
