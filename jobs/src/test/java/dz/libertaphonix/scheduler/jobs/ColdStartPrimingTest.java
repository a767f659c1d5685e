package dz.libertaphonix.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An on-demand start gets the function's clients and connections ready beside its start-up. */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(FunctionProfiles.DailyCleanup.class)
class ColdStartPrimingTest {

    @Inject
    ColdStartPriming priming;

    @Test
    void anOnDemandStartPreparesThePublisherAndConnectsToPostgresqlAndRedis() throws Exception {
        assertThat(priming.primed().get(30, TimeUnit.SECONDS)).isEqualTo(new ColdStartPriming.Primed(true, true, true));
    }
}
