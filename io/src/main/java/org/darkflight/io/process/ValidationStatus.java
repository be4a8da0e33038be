package org.darkflight.io.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * {@code <event_id>__validation_status__v1.json}, written by stage S8 of
 * {@code darkflight process}: whether the event's validation (ParityGuard on its
 * {@code validation_spec.json}) passed, failed or was skipped. Schema:
 * {@code schemas/validation_status.schema.json}.
 *
 * @param eventId the event
 * @param status  {@code passed}, {@code failed} or {@code skipped}
 * @param reason  why it was skipped; absent otherwise
 * @param meta    schema version, creation time, producer, inputs
 */
public record ValidationStatus(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("status") String status,
    @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
    @JsonProperty("meta") StageMeta meta) {

  /** Checks the status and that a skip has a reason. */
  public ValidationStatus {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(meta, "meta");
    if (!"passed".equals(status) && !"failed".equals(status) && !"skipped".equals(status)) {
      throw new IllegalArgumentException("validation status must be passed, failed or skipped: "
          + status);
    }
    if ("skipped".equals(status) == (reason == null)) {
      throw new IllegalArgumentException("a skipped validation needs a reason, and only it");
    }
  }

  /** Validation ran and passed or failed. */
  public static ValidationStatus ran(String eventId, boolean passed, StageMeta meta) {
    return new ValidationStatus(eventId, passed ? "passed" : "failed", null, meta);
  }

  /** Validation was skipped for {@code reason}. */
  public static ValidationStatus skipped(String eventId, String reason, StageMeta meta) {
    return new ValidationStatus(eventId, "skipped", reason, meta);
  }
}
