package dz.libertaphonix.scheduler.deploy;

import static dz.libertaphonix.scheduler.testsupport.SamTemplate.API_ARTIFACT;
import static dz.libertaphonix.scheduler.testsupport.SamTemplate.JOBS_ARTIFACT;
import static dz.libertaphonix.scheduler.testsupport.SamTemplate.list;
import static dz.libertaphonix.scheduler.testsupport.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.importing.EcoManagerSyncJob;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.testsupport.SamTemplate;
import io.quarkus.funqy.Funq;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code template.yaml} against the official AWS SAM schema, and against what it deploys: the
 * application's Algiers schedules, the real {@code @Funq} functions, the secrets, the api's IAM
 * rights, logs, failure handling and alarms. Plain JUnit: reads files, boots nothing.
 */
class SamTemplateTest {

    private static final Map<String, String> JVM = Map.of("Packaging", "jvm");
    private static final Map<String, String> NATIVE = Map.of("Packaging", "native");

    private static final String FUNQY_HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    private static final String HTTP_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** A schedules row a migration inserts: ('ecomanager-sync', '0 0 8-20 * * ?', 'migration'). */
    private static final Pattern SEED_ROW = Pattern.compile("\\('([a-z0-9-]+)',\\s*'([^']+)',\\s*'migration'\\)");

    /** Where the schema's migrations are: every job's schedules row is inserted by one of them. */
    private static final String MIGRATIONS = "core/src/main/resources/db/migration";

    /** The function every job's Lambda exports; {@code SCHEDULER_JOB} names its job. */
    private static final String JOB_FUNCTION = "runJob";

    /** The one accepted way to put a secret in the template: a Secrets Manager ARN parameter, resolved by CloudFormation. */
    private static final Pattern SECRET_REFERENCE =
            Pattern.compile("\\{\\{resolve:secretsmanager:\\$\\{([A-Za-z]+SecretArn)}:SecretString(:[A-Za-z]+)?}}");

    /** Environment variables that carry credentials or keys (DATABASE_USER comes from the same secret as the password). */
    private static final Pattern SECRET_VARIABLE = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEY|ACCOUNTS|_USER).*");

    private static final String SAMPLE_SECRET_ARN =
            "arn:aws:secretsmanager:eu-west-3:123456789012:secret:libertaphonix/prod/database-AbC123";

    /**
     * Properties of {@code Globals.Function} that cfn-lint's SAM globals schema (rule E3724) types as
     * strings or lists of strings, and checks without resolving {@code !If} or {@code !Ref}.
     */
    private static final Set<String> GLOBALS_TYPED_PROPERTIES = Set.of(
            "Architectures",
            "CodeUri",
            "Handler",
            "PermissionsBoundary",
            "RecursiveLoop",
            "RolePath",
            "Runtime",
            "SourceKMSKeyArn");

    /** The official AWS SAM schema, committed with its provenance (infra/sam-schema/README.md). */
    private static final String SAM_SCHEMA = "infra/sam-schema/sam.schema.json";

    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    /** A leap year: 366 Algiers days, February 29 included. */
    private static final ZonedDateTime YEAR_START = LocalDate.of(2028, 1, 1).atStartOfDay(Algiers.ZONE);

    /** The api's statements that manage the notification routes (one per subscription, made at runtime). */
    private static final Set<String> NOTIFICATION_STATEMENTS =
            Set.of("ManageNotificationRoutes", "NotificationConnectionSecrets", "PassNotificationsRole");

    private static Path root;
    private static SamTemplate template;

    @BeforeAll
    static void readTemplate() {
        root = SamTemplate.repositoryRoot();
        template = SamTemplate.load(root.resolve("template.yaml"));
    }

    // --- the official schema ------------------------------------------------------------------

    @Test
    void validatesAgainstTheOfficialSamSchemaWithoutErrors() throws IOException {
        JsonSchema schema = officialSamSchema();

        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().valueToTree(template.root()));

        assertThat(errors).extracting(ValidationMessage::getMessage).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAFunctionPropertySamDoesNotKnow() throws IOException {
        JsonSchema schema = officialSamSchema();
        Map<String, Object> broken = deepCopy(template.root());
        Map<String, Object> function = map(map(broken.get("Resources")).get(jobFunction(EcoManagerSyncJob.ID)));
        map(function.get("Properties")).put("Runtme", "java21");

        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().valueToTree(broken));

        assertThat(errors).isNotEmpty();
    }

    @Test
    void theSchemaIsTheCommittedUpstreamFileItsProvenanceNames() throws Exception {
        Path schemaFile = root.resolve(SAM_SCHEMA);
        Path provenance = schemaFile.resolveSibling("README.md");
        String readme = Files.readString(provenance);

        Matcher sha = Pattern.compile("\\| sha256 \\| `([0-9a-f]{64})` \\|").matcher(readme);
        assertThat(sha.find()).as("%s names the schema's sha256", provenance).isTrue();
        assertThat(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(schemaFile))))
                .as("%s is the file %s describes (infra/sam-schema/refresh updates both)", schemaFile, provenance)
                .isEqualTo(sha.group(1));
        assertThat(readme).containsPattern("\\| commit \\| `[0-9a-f]{40}` \\|").contains("Apache License 2.0");
        assertThat(schemaFile.resolveSibling("LICENSE")).content().contains("Apache License", "Version 2.0");
        assertThat(schemaFile.resolveSibling("NOTICE")).content().contains("Amazon.com, Inc.");
    }

    // --- schedules: EventBridge UTC crons vs the application's Algiers crons -------------------

    @Test
    void everyCronRuleFiresAtTheAlgiersInstantsOfItsJobOnEveryDayOfAFullYear() throws IOException {
        Map<JobId, String> algiersCrons = defaultAlgiersCrons();
        assertThat(algiersCrons).as("schedules rows in %s", MIGRATIONS).isNotEmpty();
        ZonedDateTime yearEnd = YEAR_START.plusYears(1);

        for (Map.Entry<JobId, String> job : algiersCrons.entrySet()) {
            List<Instant> algiers = fireTimes(QUARTZ.parse(job.getValue()), YEAR_START, yearEnd);
            List<Instant> eventBridge = fireTimes(
                    quartzOf(cronRuleExpression(job.getKey())),
                    YEAR_START.withZoneSameInstant(ZoneOffset.UTC),
                    yearEnd.withZoneSameInstant(ZoneOffset.UTC));

            assertThat(eventBridge)
                    .as(
                            "%s: %s (UTC) vs %s (Africa/Algiers)",
                            job.getKey(), cronRuleExpression(job.getKey()), job.getValue())
                    .isEqualTo(algiers);
            assertThat(algiers.stream()
                            .map(at -> LocalDate.ofInstant(at, Algiers.ZONE))
                            .distinct())
                    .as("%s runs on every day of the year", job.getKey())
                    .hasSize(366);
        }
    }

    @Test
    void cronRulesStartInTheDeployedStateAndAreNamedAsTheApiFindsThem() {
        Object prefix = template.environment(apiFunction()).get("SCHEDULER_RULE_PREFIX");
        assertThat(prefix).as("the api is told the rules' prefix").isInstanceOf(Map.class);
        String prefixTemplate = (String) map(prefix).get("Fn::Sub");
        for (JobId job : jobs()) {
            Map<String, Object> rule = cronRule(job);
            assertThat(template.evaluate(rule.get("State"), Map.of("ScheduleState", "ENABLED")))
                    .isEqualTo("ENABLED");
            assertThat(template.evaluate(rule.get("State"), Map.of("ScheduleState", "DISABLED")))
                    .isEqualTo("DISABLED");
            assertThat(rule.get("Name"))
                    .as("%s's rule is named <prefix><job id>, as the api derives it", job)
                    .isEqualTo(Map.of("Fn::Sub", prefixTemplate + job.id()));
        }
        assertThat(list(template.parameter("ScheduleState").get("AllowedValues")))
                .containsExactlyInAnyOrder("ENABLED", "DISABLED");
    }

    // --- handlers and Funqy exports --------------------------------------------------------------

    @Test
    void everyFunctionRunsTheQuarkusHandlerOfItsArtifactOnJava21OrNatively() throws Exception {
        for (String function : template.samFunctions()) {
            String codeUri = (String) template.evaluate(template.functionProperty(function, "CodeUri"), JVM);
            assertThat(codeUri).as(function).isIn(JOBS_ARTIFACT, API_ARTIFACT);

            assertThat(template.evaluate(template.functionProperty(function, "Handler"), JVM))
                    .as("%s handler on the JVM", function)
                    .isEqualTo(codeUri.equals(JOBS_ARTIFACT) ? FUNQY_HANDLER : HTTP_HANDLER);
            assertThat(template.evaluate(template.functionProperty(function, "Runtime"), JVM))
                    .isEqualTo("java21");
            assertThat(template.evaluate(template.functionProperty(function, "Runtime"), NATIVE))
                    .as("%s runtime when native", function)
                    .isEqualTo("provided.al2023");
            assertThat(template.evaluate(template.properties(function).get("SnapStart"), NATIVE))
                    .as("SnapStart exists only for the JVM runtime")
                    .isNull();

            Map<String, Object> environment = map(template.evaluate(template.environment(function), JVM));
            if (codeUri.equals(JOBS_ARTIFACT)) {
                assertThat(environment).as(function).containsKey("QUARKUS_FUNQY_EXPORT");
            } else {
                assertThat(environment).as(function).doesNotContainKey("QUARKUS_FUNQY_EXPORT");
            }
            assertThat(environment).containsEntry("ENABLE_SCHEDULER", "false");
        }
        Method handler = Class.forName(FUNQY_HANDLER.substring(0, FUNQY_HANDLER.indexOf("::")))
                .getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
        assertThat(handler).isNotNull();
        assertThat(Files.readString(root.resolve("api/pom.xml")))
                .as("the HTTP handler belongs to quarkus-amazon-lambda-http, the api's HTTP extension outside dev mode")
                .contains("<api.http.extension>quarkus-amazon-lambda-http</api.http.extension>");
    }

    @Test
    void everyFunctionNamesItsOwnArtifactAndGlobalsHoldOnlyWhatSamBuildAndCfnLintRead() {
        Map<String, Object> globals = map(map(template.root().get("Globals")).get("Function"));
        assertThat(globals)
                .as("sam build rewrites the relative CodeUri of Resources, not of Globals")
                .doesNotContainKey("CodeUri");
        GLOBALS_TYPED_PROPERTIES.stream().filter(globals::containsKey).forEach(property -> assertThat(
                        intrinsicIn(globals.get(property)))
                .as("Globals.Function.%s: cfn-lint E3724 checks it without resolving intrinsic functions", property)
                .isFalse());

        for (String function : template.samFunctions()) {
            Map<String, Object> own = template.properties(function);
            assertThat(own.get("CodeUri")).as(function).isIn(JOBS_ARTIFACT, API_ARTIFACT);
            assertThat(root.resolve((String) own.get("CodeUri")).getParent())
                    .as("%s: a module's build output", function)
                    .isEqualTo(root.resolve(((String) own.get("CodeUri")).split("/")[0])
                            .resolve("target"));
            assertThat(own).as(function).containsKeys("Handler", "Runtime", "Architectures");
        }
    }

    @Test
    void snapStartRestoresTheApiAndTheJobsOnTheJvmThroughTheirLiveAlias() {
        List<String> snapStarted = new ArrayList<>(List.of(apiFunction()));
        jobs().stream().map(SamTemplateTest::jobFunction).forEach(snapStarted::add);
        for (String function : snapStarted) {
            assertThat(template.evaluate(template.properties(function).get("SnapStart"), JVM))
                    .as(function)
                    .isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            // events and the HTTP API then call the alias, i.e. a published (snapshotted) version
            assertThat(template.functionProperty(function, "AutoPublishAlias"))
                    .as(function)
                    .isEqualTo("live");
        }
    }

    @Test
    void migrateFunctionExportsTheRealMigrateFunction() throws Exception {
        Set<String> funqs = funqFunctionNames();
        String migrate = template.samFunctions().stream()
                .filter(function -> "migrate".equals(export(function)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function exports migrate"));

        assertThat(funqs).contains(export(migrate));
        assertThat(template.events(migrate))
                .as("migrate never runs on a schedule")
                .isEmpty();
    }

    @Test
    void everyJobHasOneFunctionExportingTheRealJobFunctionAndNamingItsJob() throws Exception {
        assertThat(funqFunctionNames()).contains(JOB_FUNCTION);
        for (JobId job : jobs()) {
            assertThat(export(jobFunction(job))).as("the function of %s", job).isEqualTo(JOB_FUNCTION);
        }
        List<String> jobFunctions = template.samFunctions().stream()
                .filter(function -> JOB_FUNCTION.equals(export(function)))
                .toList();
        assertThat(jobFunctions)
                .as("every job function names a job that has its schedules row")
                .allSatisfy(
                        function -> assertThat(template.environment(function).get("SCHEDULER_JOB"))
                                .isIn(jobs().stream().map(JobId::id).toList()))
                .hasSameSizeAs(jobs());
    }

    @Test
    void theNightlySweepHasItsOwnFunctionAndRuleAt0300Algiers() {
        JobId sweep = JobId.of("ecomanager-reconcile");
        assertThat(defaultAlgiersCrons()).containsEntry(sweep, "0 0 3 * * ?");
        assertThat(cronRuleExpression(sweep)).isEqualTo("cron(0 2 * * ? *)");
        String function = jobFunction(sweep);
        assertThat(export(function)).isEqualTo(JOB_FUNCTION);
        assertThat(template.functionProperty(function, "FunctionName"))
                .isEqualTo(Map.of("Fn::Sub", "libertaphonix-${Stage}-ecomanager-reconcile"));
        assertThat(template.environment(function).get("FUNCTION_TIMEOUT")).isEqualTo("900s");
        assertThat(template.eventsOfType(function, "EventBridgeRule"))
                .singleElement()
                .satisfies(rule -> assertThat(map(map(rule.get("Pattern")).get("detail")))
                        .isEqualTo(Map.of("job", List.of("ecomanager-reconcile"))));
    }

    @Test
    void everyJobFunctionTellsTheJobRuntimeItsLambdaTimeout() {
        for (JobId job : jobs()) {
            String function = jobFunction(job);
            int timeout = (Integer) template.functionProperty(function, "Timeout");
            assertThat(template.environment(function).get("FUNCTION_TIMEOUT"))
                    .as("%s: the runner's deadline is counted from this, Funqy gives no Lambda context", job)
                    .isEqualTo(timeout + "s");
            assertThat(timeout).as("%s stays under the 16-minute run lock", job).isLessThanOrEqualTo(900);
        }
    }

    @Test
    void everyVariableTheAppsNeedInProductionIsSetOnTheirFunctions() throws IOException {
        Set<String> core = requiredVariables("core/src/main/resources/META-INF/microprofile-config.properties");
        Set<String> jobs = new TreeSet<>(core);
        jobs.addAll(requiredVariables("jobs/src/main/resources/application.properties"));
        Set<String> api = new TreeSet<>(core);
        api.addAll(requiredVariables("api/src/main/resources/application.properties"));
        assertThat(core).as("SCHEDULER_TOKEN_KEY has no default outside dev").contains("SCHEDULER_TOKEN_KEY");

        for (String function : template.samFunctions()) {
            Set<String> needed = API_ARTIFACT.equals(template.functionProperty(function, "CodeUri")) ? api : jobs;
            assertThat(template.environment(function)).as(function).containsKeys(needed.toArray(String[]::new));
        }
    }

    // --- secrets -----------------------------------------------------------------------------------

    @Test
    void everySecretIsASecretsManagerArnResolvedByCloudFormation() {
        List<String> secretParameters = template.parameters().keySet().stream()
                .filter(name -> name.toLowerCase().contains("secret") && !name.equals("SecretsRevision"))
                .toList();
        assertThat(secretParameters).isNotEmpty().allSatisfy(name -> assertThat(name)
                .endsWith("SecretArn"));
        for (String name : secretParameters) {
            Pattern allowed = Pattern.compile((String) template.parameter(name).get("AllowedPattern"));
            assertThat(allowed.matcher(SAMPLE_SECRET_ARN).matches())
                    .as("%s accepts an ARN", name)
                    .isTrue();
            assertThat(allowed.matcher("hunter2-plain-value").matches())
                    .as("%s refuses a value", name)
                    .isFalse();
            assertThat(allowed.matcher("arn:aws:ssm:eu-west-3:123456789012:parameter/db")
                            .matches())
                    .as("%s refuses an SSM parameter (SecureString cannot reach a Lambda environment)", name)
                    .isFalse();
        }

        List<String> references = new ArrayList<>();
        collectDynamicReferences(template.root(), false, references);
        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            Matcher matcher = SECRET_REFERENCE.matcher(reference);
            assertThat(matcher.matches()).as("dynamic reference %s", reference).isTrue();
            assertThat(secretParameters).contains(matcher.group(1));
        });

        Map<String, Object> variables = new LinkedHashMap<>();
        for (String function : template.samFunctions()) {
            template.environment(function).forEach((name, value) -> variables.put(function + "." + name, value));
        }
        Map<String, Object> secretVariables = variables.entrySet().stream()
                .filter(entry -> SECRET_VARIABLE.matcher(entry.getKey()).matches())
                .filter(entry -> !entry.getKey().endsWith("_REVISION"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(secretVariables.keySet())
                .anyMatch(name -> name.endsWith(".DATABASE_PASSWORD"))
                .anyMatch(name -> name.endsWith(".SCHEDULER_TOKEN_KEY"))
                .anyMatch(name -> name.endsWith(".SCHEDULER_JWT_SECRET"))
                .anyMatch(name -> name.endsWith(".SCHEDULER_MAYSTRO_ACCOUNTS"))
                .anyMatch(name -> name.endsWith(".SCHEDULER_MAYSTRO_WEBHOOK_SECRET"));
        secretVariables.forEach((name, value) -> {
            Map<String, String> optionalSecretsSet =
                    Map.of("JwtSecretArn", SAMPLE_SECRET_ARN, "MaystroWebhookSecretArn", SAMPLE_SECRET_ARN);
            for (Map<String, String> parameters : List.of(JVM, optionalSecretsSet)) {
                Object evaluated = template.evaluate(value, parameters);
                if (evaluated != null) {
                    assertThat(evaluated)
                            .as("%s is a dynamic reference by ARN", name)
                            .isInstanceOf(Map.class);
                    Object sub = map(evaluated).get("Fn::Sub");
                    assertThat(sub).as(name).isInstanceOf(String.class);
                    assertThat(SECRET_REFERENCE.matcher((String) sub).matches())
                            .as("%s = %s", name, sub)
                            .isTrue();
                }
            }
        });
    }

    // --- the api's rights --------------------------------------------------------------------------

    @Test
    void apiMayOnlyControlTheJobsRulesAndPublishOnTheApplicationBus() {
        List<Object> policies = list(template.properties(apiFunction()).get("Policies"));
        Set<Object> cronRuleArns = jobs().stream()
                .map(job -> (Object) Map.of("Fn::Sub", ruleArn(job)))
                .collect(Collectors.toSet());
        Object busArn = Map.of("Fn::GetAtt", List.of(applicationBus(), "Arn"));
        Set<String> ruleActions =
                Set.of("events:EnableRule", "events:DisableRule", "events:DescribeRule", "events:PutRule");

        List<Map<String, Object>> statements = policies.stream()
                .peek(policy -> assertThat(policy)
                        .as("inline statements only, no managed policy or policy template")
                        .isInstanceOf(Map.class))
                .flatMap(policy -> list(map(policy).get("Statement")).stream())
                .map(SamTemplate::map)
                .toList();
        Set<String> grantedRuleActions = new HashSet<>();
        Set<Object> grantedRules = new HashSet<>();
        boolean publishes = false;
        for (Map<String, Object> statement : statements) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            if (NOTIFICATION_STATEMENTS.contains(statement.get("Sid"))) {
                // the notification routes' own rights: apiManagesOnlyItsOwnNotificationRoutes
                continue;
            }
            List<String> actions = strings(statement.get("Action"));
            List<Object> resources = statement.get("Resource") instanceof List<?> many
                    ? new ArrayList<>(many)
                    : List.of(statement.get("Resource"));
            if (actions.equals(List.of("events:PutEvents"))) {
                assertThat(resources).containsExactly(busArn);
                publishes = true;
            } else {
                assertThat(ruleActions).containsAll(actions);
                assertThat(cronRuleArns).containsAll(resources);
                grantedRuleActions.addAll(actions);
                grantedRules.addAll(resources);
            }
        }
        assertThat(grantedRuleActions).isEqualTo(ruleActions);
        assertThat(grantedRules).isEqualTo(cronRuleArns);
        assertThat(publishes).as("PutEvents on the application bus").isTrue();
        assertThat(template.environment(apiFunction()).get("SCHEDULER_EVENT_BUS"))
                .isEqualTo(Map.of("Ref", applicationBus()));
    }

    // --- notifications (docs/notifications.md) ------------------------------------------------------

    @Test
    void apiManagesOnlyItsOwnNotificationRoutes() {
        Map<String, Map<String, Object>> statements = list(
                        template.properties(apiFunction()).get("Policies"))
                .stream()
                .flatMap(policy -> list(map(policy).get("Statement")).stream())
                .map(SamTemplate::map)
                .filter(statement -> NOTIFICATION_STATEMENTS.contains(statement.get("Sid")))
                .collect(Collectors.toMap(statement -> (String) statement.get("Sid"), statement -> statement));
        assertThat(statements.keySet()).containsExactlyInAnyOrderElementsOf(NOTIFICATION_STATEMENTS);

        Map<String, Object> routes = statements.get("ManageNotificationRoutes");
        assertThat(strings(routes.get("Action")))
                .allSatisfy(action -> assertThat(action).startsWith("events:"))
                .contains(
                        "events:CreateApiDestination", "events:CreateConnection", "events:PutRule", "events:PutTargets")
                .doesNotContain("events:PutEvents", "events:EnableRule", "events:DisableRule");
        assertThat(list(routes.get("Resource")))
                .extracting(resource -> (String) map(resource).get("Fn::Sub"))
                .containsExactlyInAnyOrder(
                        "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:connection/libertaphonix-${Stage}-notify-*",
                        "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:api-destination/libertaphonix-${Stage}-notify-*",
                        "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/libertaphonix-${Stage}/libertaphonix-${Stage}-notify-*");
        assertThat((String) map(statements.get("NotificationConnectionSecrets").get("Resource"))
                        .get("Fn::Sub"))
                .endsWith(":secret:events!connection/libertaphonix-${Stage}-notify-*");
        assertThat(statements.get("PassNotificationsRole").get("Action")).isEqualTo("iam:PassRole");
        assertThat(statements.get("PassNotificationsRole").get("Resource"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("NotificationsInvokeRole", "Arn")));

        Map<String, Object> environment = template.environment(apiFunction());
        assertThat(environment.get("SCHEDULER_NOTIFICATIONS_INVOKE_ROLE_ARN"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("NotificationsInvokeRole", "Arn")));
        assertThat(environment.get("SCHEDULER_NOTIFICATIONS_DEAD_LETTER_ARN"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("NotificationFailures", "Arn")));
        for (String function : template.samFunctions()) {
            assertThat(template.environment(function).get("SCHEDULER_NOTIFICATIONS_DELIVERY"))
                    .as(function)
                    .isEqualTo("eventbridge");
        }
    }

    @Test
    void notificationDestinationsAreInvokedByTheirOwnRoleAndParkFailuresInAnAlarmedQueue() {
        assertThat(template.type("NotificationsInvokeRole")).isEqualTo("AWS::IAM::Role");
        Map<String, Object> role = template.properties("NotificationsInvokeRole");
        Map<String, Object> trust = map(
                list(map(role.get("AssumeRolePolicyDocument")).get("Statement")).get(0));
        assertThat(trust.get("Principal")).isEqualTo(Map.of("Service", "events.amazonaws.com"));
        Map<String, Object> invoke =
                map(list(map(map(list(role.get("Policies")).get(0)).get("PolicyDocument"))
                                .get("Statement"))
                        .get(0));
        assertThat(invoke.get("Action")).isEqualTo("events:InvokeApiDestination");
        assertThat((String) map(invoke.get("Resource")).get("Fn::Sub"))
                .endsWith(":api-destination/libertaphonix-${Stage}-notify-*");

        assertThat(template.type("NotificationFailures")).isEqualTo("AWS::SQS::Queue");
        assertThat(template.properties("NotificationFailures").get("MessageRetentionPeriod"))
                .isEqualTo(1209600);
        Map<String, Object> queuePolicy =
                map(list(map(template.properties("NotificationFailuresPolicy").get("PolicyDocument"))
                                .get("Statement"))
                        .get(0));
        assertThat(queuePolicy.get("Principal")).isEqualTo(Map.of("Service", "events.amazonaws.com"));
        assertThat(queuePolicy.get("Action")).isEqualTo("sqs:SendMessage");
        assertThat((String) map(map(map(queuePolicy.get("Condition")).get("ArnLike"))
                                .get("aws:SourceArn"))
                        .get("Fn::Sub"))
                .endsWith(":rule/libertaphonix-${Stage}/libertaphonix-${Stage}-notify-*");
        assertThat(alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible"))
                .contains(Map.of("Fn::GetAtt", List.of("NotificationFailures", "QueueName")));
        // every kind of event a subscription may ask for is kept in the run-events log too
        assertThat(strings(map(template.properties("RunEventsRule").get("EventPattern"))
                        .get("detail-type")))
                .contains("SyncCompleted", "SyncFailed", "RunMissed", "CredentialsRejected");
    }

    // --- multi-region (docs/multi-region.md) -----------------------------------------------------------

    @Test
    void aPassiveRegionDeploysEverythingWithItsCronRulesDisabled() {
        assertThat(list(template.parameter("RegionRole").get("AllowedValues")))
                .containsExactlyInAnyOrder("active", "passive");
        assertThat(template.parameterDefaults()).containsEntry("RegionRole", "active");
        Map<String, String> passive = Map.of("RegionRole", "passive", "ScheduleState", "ENABLED");
        Map<String, String> active = Map.of("RegionRole", "active", "ScheduleState", "ENABLED");
        for (JobId job : jobs()) {
            Object state = cronRule(job).get("State");
            assertThat(template.evaluate(state, passive))
                    .as("%s in the passive region", job)
                    .isEqualTo("DISABLED");
            assertThat(template.evaluate(state, active))
                    .as("%s in the active region", job)
                    .isEqualTo("ENABLED");
            assertThat(template.evaluate(state, Map.of("RegionRole", "passive", "ScheduleState", "DISABLED")))
                    .isEqualTo("DISABLED");
            // the functions and their "run now" rules are deployed in both regions, ready for a fail-over
            assertThat(template.resource(jobFunction(job))).doesNotContainKey("Condition");
            assertThat(template.eventsOfType(jobFunction(job), "EventBridgeRule"))
                    .hasSize(1);
        }
        // nothing runs there, so the "import did not run" alarm would only cry wolf
        String didNotRun = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .filter(id -> template.properties(id).containsKey("Metrics"))
                .findFirst()
                .orElseThrow();
        String condition = (String) template.resource(didNotRun).get("Condition");
        assertThat(template.condition(condition, passive)).isFalse();
        assertThat(template.condition(condition, active)).isTrue();
        for (String function : template.samFunctions()) {
            assertThat(template.environment(function).get("SCHEDULER_REGION_ROLE"))
                    .isEqualTo(Map.of("Ref", "RegionRole"));
        }
    }

    @Test
    void jobFunctionsMayOnlyPublishOnTheApplicationBus() {
        Object busArn = Map.of("Fn::GetAtt", List.of(applicationBus(), "Arn"));
        for (JobId job : jobs()) {
            List<Object> statements = list(template.properties(jobFunction(job)).get("Policies")).stream()
                    .flatMap(policy -> list(map(policy).get("Statement")).stream())
                    .toList();
            assertThat(statements).as(job.id()).singleElement().satisfies(statement -> {
                assertThat(map(statement).get("Action")).isEqualTo("events:PutEvents");
                assertThat(map(statement).get("Resource")).isEqualTo(busArn);
            });
        }
    }

    // --- logs, failures, alarms ------------------------------------------------------------------

    @Test
    void everyFunctionLogsToItsOwnLogGroupWithRetention() {
        List<String> functions = template.resourcesOfType("AWS::Serverless::Function", "AWS::Lambda::Function");
        Set<Object> logGroups = new HashSet<>();
        for (String function : functions) {
            Map<String, Object> logging = template.loggingConfig(function);
            assertThat(logging.get("LogFormat")).as(function).isEqualTo("JSON");
            Object logGroup = map(logging.get("LogGroup")).get("Ref");
            assertThat(template.type((String) logGroup)).as(function).isEqualTo("AWS::Logs::LogGroup");
            logGroups.add(logGroup);
        }
        assertThat(logGroups).as("one log group per function").hasSameSizeAs(functions);
        for (String logGroup : template.resourcesOfType("AWS::Logs::LogGroup")) {
            Object retention = template.evaluate(template.properties(logGroup).get("RetentionInDays"), Map.of());
            assertThat(retention).as("%s has a retention", logGroup).isNotNull();
            assertThat(Integer.parseInt(String.valueOf(retention))).as(logGroup).isPositive();
        }
    }

    @Test
    void everyJobFunctionRetriesOnPurposeThenParksFailuresInAnAlarmedQueue() {
        for (JobId job : jobs()) {
            String function = jobFunction(job);
            Map<String, Object> invoke = map(template.properties(function).get("EventInvokeConfig"));
            assertThat((Integer) invoke.get("MaximumRetryAttempts"))
                    .as(job.id())
                    .isBetween(0, 2);
            assertThat((Integer) invoke.get("MaximumEventAgeInSeconds"))
                    .as(job.id())
                    .isBetween(60, 21600);
            Map<String, Object> onFailure =
                    map(map(invoke.get("DestinationConfig")).get("OnFailure"));
            assertThat(onFailure.get("Type")).isEqualTo("SQS");
            String queue = getAttResource(onFailure.get("Destination"), "Arn");
            assertThat(template.type(queue)).isEqualTo("AWS::SQS::Queue");

            for (Map<String, Object> event : template.events(function).values()) {
                Map<String, Object> deadLetter =
                        map(map(event.get("Properties")).get("DeadLetterConfig"));
                assertThat(getAttResource(deadLetter.get("Arn"), "Arn"))
                        .as("%s rule deliveries that fail land in the same queue", job.id())
                        .isEqualTo(queue);
            }
            assertThat(alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible"))
                    .as("%s failure queue depth is alarmed", job.id())
                    .anyMatch(dimension -> dimension.equals(Map.of("Fn::GetAtt", List.of(queue, "QueueName"))));
            assertThat(alarmsOn("AWS/Lambda", "Errors"))
                    .as("%s failed runs are alarmed", job.id())
                    .contains(Map.of("Ref", function));
        }
    }

    @Test
    void importThatDidNotRunAndApiErrorsRaiseAlarmsOnTheAlarmTopic() throws IOException {
        String metricFilter = template.resourcesOfType("AWS::Logs::MetricFilter").stream()
                .filter(id -> String.valueOf(template.properties(id).get("FilterPattern"))
                        .contains("\"SUCCEEDED\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric of SUCCEEDED runs"));
        Map<String, Object> transformation =
                map(list(template.properties(metricFilter).get("MetricTransformations"))
                        .get(0));

        Map<String, Object> didNotRun = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(template::properties)
                .filter(alarm -> alarm.containsKey("Metrics"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no import did-not-run alarm"));
        List<Map<String, Object>> queries =
                list(didNotRun.get("Metrics")).stream().map(SamTemplate::map).toList();
        Map<String, Object> metric = queries.stream()
                .filter(query -> query.containsKey("MetricStat"))
                .map(query -> map(map(query.get("MetricStat")).get("Metric")))
                .findFirst()
                .orElseThrow();
        assertThat(metric.get("Namespace")).isEqualTo(transformation.get("MetricNamespace"));
        assertThat(metric.get("MetricName")).isEqualTo(transformation.get("MetricName"));
        assertThat(list(metric.get("Dimensions")))
                .containsExactly(Map.of("Name", "Job", "Value", EcoManagerSyncJob.ID.id()));
        assertThat(didNotRun.get("TreatMissingData")).isEqualTo("breaching");

        // the alarm's window of UTC hours is the one the import actually runs in
        String window = queries.stream()
                .filter(query -> Boolean.TRUE.equals(query.get("ReturnData")))
                .map(query -> (String) query.get("Expression"))
                .findFirst()
                .orElseThrow();
        Matcher hours = Pattern.compile("HOUR\\(\\w+\\) >= (\\d+) AND HOUR\\(\\w+\\) <= (\\d+)")
                .matcher(window);
        assertThat(hours.find()).as(window).isTrue();
        List<Integer> importHoursUtc = fireTimes(
                        QUARTZ.parse(defaultAlgiersCrons().get(EcoManagerSyncJob.ID)),
                        YEAR_START,
                        YEAR_START.plusDays(1))
                .stream()
                .map(at -> at.atZone(ZoneOffset.UTC).getHour())
                .toList();
        assertThat(Integer.parseInt(hours.group(1))).isEqualTo(importHoursUtc.get(0));
        assertThat(Integer.parseInt(hours.group(2))).isEqualTo(importHoursUtc.get(importHoursUtc.size() - 1));

        assertThat(alarmsOn("AWS/ApiGateway", "5xx")).contains(Map.of("Ref", "HttpApi"));
        assertThat(template.type("HttpApi")).isEqualTo("AWS::Serverless::HttpApi");
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            assertThat(list(template.properties(alarm).get("AlarmActions")))
                    .as(alarm)
                    .containsExactly(Map.of("Ref", "AlarmTopic"));
        }
        assertThat(template.type("AlarmTopic")).isEqualTo("AWS::SNS::Topic");
    }

    // --- sample events for `sam local invoke` ----------------------------------------------------

    @Test
    void sampleEventsAreWhatTheRulesOfTheirJobDeliver() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> samples;
        try (Stream<Path> files = Files.list(root.resolve("infra/events"))) {
            samples = files.filter(
                            file -> file.getFileName().toString().matches(".+\\.(scheduled|sync-requested)\\.json"))
                    .sorted()
                    .toList();
        }
        assertThat(samples).as("sample events of the jobs in infra/events").isNotEmpty();
        for (Path sample : samples) {
            String name = sample.getFileName().toString();
            JobId job = JobId.of(name.substring(0, name.indexOf('.')));
            assertThat(jobs()).as("%s is the sample of a job", name).contains(job);
            Map<String, Object> event = json.readValue(sample.toFile(), Map.class);
            if (name.endsWith(".scheduled.json")) {
                assertThat(event).containsEntry("source", "aws.events").containsEntry("detail-type", "Scheduled Event");
                assertThat(list(event.get("resources")))
                        .singleElement()
                        .asString()
                        .endsWith(":rule/"
                                + ((String) map(cronRule(job).get("Name")).get("Fn::Sub")).replace("${Stage}", "dev"));
                continue;
            }
            for (JobId other : jobs()) {
                Map<String, Object> pattern = map(template.eventsOfType(jobFunction(other), "EventBridgeRule")
                        .get(0)
                        .get("Pattern"));
                assertThat(SamTemplate.matchesPattern(pattern, event))
                        .as("%s routed to %s", name, other)
                        .isEqualTo(other.equals(job));
            }
            assertThat(map(event.get("detail"))).containsKeys("job", "runId", "actor");
        }
    }

    // --- infra/samconfig.toml -------------------------------------------------------------------------

    @Test
    void everySamconfigStageSetsEveryRequiredParameterToAnAllowedValue() throws IOException {
        JsonNode config =
                new TomlMapper().readTree(root.resolve("infra/samconfig.toml").toFile());
        List<String> required = template.parameters().entrySet().stream()
                .filter(parameter -> !map(parameter.getValue()).containsKey("Default"))
                .map(Map.Entry::getKey)
                .toList();

        for (String stage : List.of("dev", "staging", "prod")) {
            JsonNode deploy = config.path(stage).path("deploy").path("parameters");
            assertThat(deploy.path("capabilities").asText()).as(stage).contains("CAPABILITY_IAM");
            Map<String, String> overrides = new LinkedHashMap<>();
            for (String pair :
                    deploy.path("parameter_overrides").asText().trim().split("\\s+")) {
                int equals = pair.indexOf('=');
                assertThat(equals).as("%s: %s is Name=Value", stage, pair).isPositive();
                overrides.put(pair.substring(0, equals), pair.substring(equals + 1));
            }

            assertThat(template.parameters())
                    .as(stage)
                    .containsKeys(overrides.keySet().toArray(String[]::new));
            assertThat(overrides).as(stage).containsKeys(required.toArray(String[]::new));
            assertThat(overrides).as(stage).containsEntry("Stage", stage);
            overrides.forEach((name, value) -> {
                Map<String, Object> parameter = template.parameter(name);
                if (parameter.containsKey("AllowedValues")) {
                    assertThat(list(parameter.get("AllowedValues")).stream().map(String::valueOf))
                            .as("%s %s", stage, name)
                            .contains(value);
                }
                if (parameter.containsKey("AllowedPattern")) {
                    assertThat(value).as("%s %s", stage, name).matches((String) parameter.get("AllowedPattern"));
                }
            });
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static JsonSchema officialSamSchema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(new ObjectMapper().readTree(root.resolve(SAM_SCHEMA).toFile()));
    }

    /**
     * The crons the migrations seed into {@code schedules} (Quartz, Africa/Algiers), by job: every job
     * of the application has its row, inserted by the migration that brought the job.
     */
    private static Map<JobId, String> defaultAlgiersCrons() {
        Map<JobId, String> crons = new LinkedHashMap<>();
        List<Path> migrations;
        try (Stream<Path> files = Files.list(root.resolve(MIGRATIONS))) {
            migrations = files.filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path migration : migrations) {
            String sql = read(migration);
            Matcher insert =
                    Pattern.compile("(?is)insert into schedules\\b[^;]*;").matcher(sql);
            while (insert.find()) {
                Matcher row = SEED_ROW.matcher(insert.group());
                while (row.find()) {
                    assertThat(crons.put(JobId.of(row.group(1)), row.group(2)))
                            .as("one schedules row for %s", row.group(1))
                            .isNull();
                }
            }
        }
        return crons;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every job of the application, as its schedules rows name them. */
    private static List<JobId> jobs() {
        return List.copyOf(defaultAlgiersCrons().keySet());
    }

    /**
     * Environment variables a production configuration file reads without a default ({@code ${NAME}},
     * not {@code ${NAME:default}}): the app cannot start, or cannot work, without them. Lines of
     * other profiles ({@code %dev.}, {@code %test.}) do not count.
     */
    private static Set<String> requiredVariables(String file) throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern required = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
        for (String line : Files.readAllLines(root.resolve(file))) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.startsWith("%") && !trimmed.startsWith("%prod."))) {
                continue;
            }
            Matcher matcher = required.matcher(trimmed);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The function of a job: the one whose {@code SCHEDULER_JOB} names it. */
    private static String jobFunction(JobId job) {
        List<String> matches = template.samFunctions().stream()
                .filter(function ->
                        job.id().equals(template.environment(function).get("SCHEDULER_JOB")))
                .toList();
        assertThat(matches).as("the function whose SCHEDULER_JOB is %s", job).hasSize(1);
        return matches.get(0);
    }

    private static String apiFunction() {
        List<String> matches = template.samFunctions().stream()
                .filter(function -> API_ARTIFACT.equals(template.functionProperty(function, "CodeUri")))
                .toList();
        assertThat(matches).as("the api function").hasSize(1);
        return matches.get(0);
    }

    private static String applicationBus() {
        List<String> buses = template.resourcesOfType("AWS::Events::EventBus");
        assertThat(buses).hasSize(1);
        return buses.get(0);
    }

    private static String export(String function) {
        Object value = template.environment(function).get("QUARKUS_FUNQY_EXPORT");
        return value instanceof String text ? text : null;
    }

    private static Map<String, Object> cronRule(JobId job) {
        List<Map<String, Object>> rules = template.eventsOfType(jobFunction(job), "Schedule");
        assertThat(rules).as("%s has one cron rule", job).hasSize(1);
        return rules.get(0);
    }

    private static String cronRuleExpression(JobId job) {
        return (String) cronRule(job).get("Schedule");
    }

    /** The rule's ARN on the default bus, as the api's policy must spell it. */
    private static String ruleArn(JobId job) {
        String name = (String) map(cronRule(job).get("Name")).get("Fn::Sub");
        return "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/" + name;
    }

    /** EventBridge {@code cron(min hour dom month dow year)} as the Quartz cron that fires at the same UTC instants. */
    private static Cron quartzOf(String expression) {
        Matcher matcher = Pattern.compile("cron\\((.+)\\)").matcher(expression);
        assertThat(matcher.matches())
                .as("%s is an EventBridge cron expression", expression)
                .isTrue();
        String[] fields = matcher.group(1).trim().split("\\s+");
        assertThat(fields).as(expression).hasSize(6);
        assertThat(fields[5]).as("%s must fire every year", expression).isEqualTo("*");
        return QUARTZ.parse("0 " + String.join(" ", Arrays.copyOf(fields, 5)));
    }

    private static List<Instant> fireTimes(Cron cron, ZonedDateTime from, ZonedDateTime until) {
        ExecutionTime executionTime = ExecutionTime.forCron(cron);
        List<Instant> times = new ArrayList<>();
        ZonedDateTime cursor = from.minusSeconds(1);
        while (true) {
            Optional<ZonedDateTime> next = executionTime.nextExecution(cursor);
            if (next.isEmpty() || !next.get().isBefore(until)) {
                return times;
            }
            times.add(next.get().toInstant());
            cursor = next.get();
        }
    }

    /** Every {@code @Funq} function name in the jobs module's compiled classes. */
    private static Set<String> funqFunctionNames() throws Exception {
        Path classes = root.resolve("jobs/target/classes");
        assertThat(Files.isDirectory(classes)).as("%s exists", classes).isTrue();
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String className =
                        classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type = Class.forName(className, false, SamTemplateTest.class.getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    Funq funq = method.getAnnotation(Funq.class);
                    if (funq != null) {
                        names.add(funq.value().isEmpty() ? method.getName() : funq.value());
                    }
                }
            }
        }
        return names;
    }

    /** Dimension values of the alarms on one metric. */
    private static List<Object> alarmsOn(String namespace, String metricName) {
        return template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(template::properties)
                .filter(alarm -> namespace.equals(alarm.get("Namespace")) && metricName.equals(alarm.get("MetricName")))
                .flatMap(alarm -> list(alarm.get("Dimensions")).stream())
                .map(dimension -> map(dimension).get("Value"))
                .toList();
    }

    private static String getAttResource(Object getAtt, String attribute) {
        List<Object> reference = list(map(getAtt).get("Fn::GetAtt"));
        assertThat(reference.get(1)).isEqualTo(attribute);
        return (String) reference.get(0);
    }

    /** Strings of every {@code {{resolve:…}}} in the template; they must sit directly in an Fn::Sub. */
    private static void collectDynamicReferences(Object node, boolean inSub, List<String> found) {
        if (node instanceof Map<?, ?> mapNode) {
            mapNode.forEach((key, value) -> collectDynamicReferences(value, "Fn::Sub".equals(key), found));
        } else if (node instanceof List<?> listNode) {
            listNode.forEach(item -> collectDynamicReferences(item, false, found));
        } else if (node instanceof String text && text.contains("{{resolve:")) {
            assertThat(inSub).as("%s is substituted by Fn::Sub", text).isTrue();
            found.add(text);
        }
    }

    /** Whether a template value is, or holds, an intrinsic function ({@code Ref}, {@code Fn::…}). */
    private static boolean intrinsicIn(Object value) {
        if (value instanceof Map<?, ?> mapValue) {
            return mapValue.keySet().stream()
                            .map(String::valueOf)
                            .anyMatch(key -> key.equals("Ref") || key.startsWith("Fn::"))
                    || mapValue.values().stream().anyMatch(SamTemplateTest::intrinsicIn);
        }
        if (value instanceof List<?> listValue) {
            return listValue.stream().anyMatch(SamTemplateTest::intrinsicIn);
        }
        return false;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> mapValue) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            mapValue.forEach((key, item) -> copy.put(key, deepCopy(item)));
            return (T) copy;
        }
        if (value instanceof List<?> listValue) {
            return (T) listValue.stream().map(SamTemplateTest::deepCopy).collect(Collectors.toList());
        }
        return value;
    }
}
