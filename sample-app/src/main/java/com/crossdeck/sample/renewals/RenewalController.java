package com.crossdeck.sample.renewals;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the renewal job now, for the demo ({@code /admin/**}: admins only). */
@RestController
class RenewalController {

  private final RenewalJob job;

  RenewalController(RenewalJob job) {
    this.job = job;
  }

  @PostMapping("/admin/renewals/run")
  Map<String, List<RenewalJob.Renewal>> run() {
    return Map.of("processed", job.run());
  }
}
