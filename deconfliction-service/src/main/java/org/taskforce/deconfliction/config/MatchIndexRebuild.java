package org.taskforce.deconfliction.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.taskforce.deconfliction.application.RegistrationRepair;

/**
 * The operator's command that rebuilds the match index from the registrations: start the service
 * (one replica is enough) with {@code --taskforce.deconfliction.rebuild-match-index=true}. It
 * rebuilds before serving and logs what it did; the other replicas keep serving meanwhile, as the
 * rebuild adds before it removes.
 */
public final class MatchIndexRebuild implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(MatchIndexRebuild.class);
  private final RegistrationRepair repair;

  MatchIndexRebuild(RegistrationRepair repair) {
    this.repair = repair;
  }

  @Override
  public void run(ApplicationArguments args) {
    log.info("rebuilding the match index from the registrations");
    RegistrationRepair.RebuildReport report = repair.rebuildIndex();
    log.info(
        "match index rebuilt: {} target and {} event registrations indexed, {} stale entries"
            + " removed",
        report.targets(),
        report.events(),
        report.staleEntriesRemoved());
  }
}
