package io.quarkiverse.etlify.deployment;

import java.util.function.BooleanSupplier;

import io.quarkiverse.etlify.runtime.admin.AdminBeans;
import io.quarkiverse.etlify.runtime.admin.EtlifyAdminRecorder;
import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.vertx.http.deployment.BodyHandlerBuildItem;
import io.quarkus.vertx.http.deployment.NonApplicationRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;

/**
 * The admin REST API and its console page: {@code /q/etlify/*} as a non-application route, so it follows
 * {@code quarkus.http.non-application-root-path} and moves to the management interface with it. Absent when
 * {@code quarkus.etlify.admin.enabled=false}.
 */
class EtlifyAdminProcessor {

    @BuildStep(onlyIf = AdminEnabled.class)
    AdditionalBeanBuildItem adminBeans() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(AdminBeans.classNames()).setUnremovable().build();
    }

    @BuildStep(onlyIf = AdminEnabled.class)
    NativeImageResourceBuildItem consoleFiles() {
        return new NativeImageResourceBuildItem(AdminBeans.consoleResources());
    }

    @BuildStep(onlyIf = AdminEnabled.class)
    @Record(ExecutionTime.RUNTIME_INIT)
    RouteBuildItem adminRoute(EtlifyAdminRecorder recorder, NonApplicationRootPathBuildItem nonApplicationRootPath,
            BodyHandlerBuildItem bodyHandler) {
        return nonApplicationRootPath.routeBuilder()
                .management()
                .routeFunction("etlify/*", recorder.readingBodies(bodyHandler.getHandler()))
                .handler(recorder.handler())
                .blockingRoute()
                .displayOnNotFoundPage("Etlify admin API and console")
                .build();
    }

    static final class AdminEnabled implements BooleanSupplier {

        private final EtlifyBuildTimeConfig config;

        AdminEnabled(EtlifyBuildTimeConfig config) {
            this.config = config;
        }

        @Override
        public boolean getAsBoolean() {
            return config.admin().enabled();
        }
    }
}
