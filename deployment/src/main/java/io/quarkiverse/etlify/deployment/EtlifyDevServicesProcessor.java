package io.quarkiverse.etlify.deployment;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.deployment.SandboxDevService.Kind;
import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;

/**
 * Zero-config dev and test mode: each enabled CRM on the {@code hubspot} or {@code airtable} adapter that has
 * neither a token nor a base URL configured gets an in-process sandbox of that CRM, and its base URL and
 * token (and Airtable's base id) point at it. Quarkus keeps the sandbox across live reloads and stops it with
 * the application.
 */
class EtlifyDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(EtlifyDevServicesProcessor.class);

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    void crmSandboxes(EtlifyBuildTimeConfig config, BuildProducer<DevServicesResultBuildItem> services) {
        if (!config.devservices().enabled()) {
            return;
        }
        Config properties = ConfigProvider.getConfig();
        config.crm().forEach((crm, crmConfig) -> {
            Kind kind = Kind.of(crmConfig.adapter());
            String prefix = "quarkus.etlify.crm." + crm + ".";
            if (kind == null || isSet(properties, prefix + kind.adapter + ".access-token")
                    || isSet(properties, prefix + kind.adapter + ".base-url")
                    || !properties.getOptionalValue(prefix + "enabled", String.class).orElse("true").equals("true")) {
                return;
            }
            services.produce(DevServicesResultBuildItem.<SandboxDevService> owned()
                    .feature(EtlifyProcessor.FEATURE)
                    .serviceName("etlify-" + kind.adapter + "-" + crm)
                    .serviceConfig(kind + ":" + crm)
                    .description(kind.label + " sandbox for Etlify CRM " + crm)
                    .startable(() -> new SandboxDevService(kind, crm))
                    .postStartHook(sandbox -> LOG.infof("Etlify Dev Services: CRM %s has no %s token configured;"
                            + " an in-process %s sandbox for it listens at %s (a test resource setting its"
                            + " %s%s.base-url takes precedence; quarkus.etlify.devservices.enabled=false turns"
                            + " this off)", crm, kind.label, kind.label, sandbox.baseUrl(), prefix, kind.adapter))
                    .configProvider(SandboxDevService.config(kind, prefix))
                    .build());
        });
    }

    private static boolean isSet(Config properties, String name) {
        return properties.getOptionalValue(name, String.class).filter(value -> !value.isBlank()).isPresent();
    }
}
