package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.testsupport.OutageServices;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The api app, configured as everywhere else in its tests, against a PostgreSQL and a Redis of its
 * own that the outage tests stop and start (see {@link OutageServices}).
 */
public class OutageProfile implements QuarkusTestProfile, OutageServices.Profile {}
