package org.fengqiao;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Fengqiao platform: one door in for every dispute and citizen request, a closed loop to the end.
 * Started by {@code org.fengqiao.cli.Launcher}, which also hosts the command-line tools.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FengqiaoApplication {

    /** Starts the web platform; {@code --demo} loads the demo county. */
    public static ConfigurableApplicationContext serve(String... args) {
        return new SpringApplication(FengqiaoApplication.class).run(translate(args));
    }

    /**
     * Starts the platform without a web server or scheduler, for one-shot tools that need the database and
     * the services.
     */
    public static ConfigurableApplicationContext startWithoutWeb(String... args) {
        SpringApplication app = new SpringApplication(FengqiaoApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        List<String> all = new ArrayList<>(List.of(translate(args)));
        all.add("--fengqiao.scheduler.enabled=false");
        return app.run(all.toArray(String[]::new));
    }

    private static String[] translate(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--demo") ? "--fengqiao.demo.enabled=true" : a)
                .toArray(String[]::new);
    }
}
