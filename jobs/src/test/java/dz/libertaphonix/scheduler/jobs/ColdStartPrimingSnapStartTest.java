package dz.libertaphonix.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Initialised for a SnapStart snapshot, the function opens no connection the snapshot would freeze. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(ColdStartPrimingSnapStartTest.SnapStart.class)
class ColdStartPrimingSnapStartTest {

    @Inject
    ColdStartPriming priming;

    @Test
    void aSnapStartInitialisationPreparesThePublisherButOpensNoConnection() throws Exception {
        assertThat(priming.primed().get(30, TimeUnit.SECONDS))
                .isEqualTo(new ColdStartPriming.Primed(true, false, false));
    }

    /** The daily-cleanup function, initialised by Lambda to take a SnapStart snapshot. */
    public static class SnapStart extends FunctionProfiles.DailyCleanup {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("scheduler.functions.initialization-type", "snap-start");
            return config;
        }
    }
}
