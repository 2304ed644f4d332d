package org.taskforce.deconfliction.application;

import java.util.List;
import org.taskforce.deconfliction.domain.Registration;

/**
 * A registration as a create or change stored it, and the hits its owner may see.
 *
 * @param <R> the kind of registration
 */
public record RegistrationResult<R extends Registration>(R registration, List<Hit> hits) {}
