package org.coachroom.studygroup.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why a facilitator completes a member by hand or withdraws a completion: required, at
 * most 1,000 characters. Which sentence a refusal shows is the endpoint's
 * ({@code studygroup.complete.reason-required},
 * {@code studygroup.withdraw.reason-required}).
 */
record ReasonForm(@NotBlank @Size(max = 1000) String reason) {
}
