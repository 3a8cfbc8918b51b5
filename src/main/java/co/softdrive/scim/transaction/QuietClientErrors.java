package co.softdrive.scim.transaction;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On every bean with {@code @Transactional} methods: a SCIM client error (4xx) thrown inside the
 * transaction rolls it back and reaches the caller unchanged, but never passes through Liberty's
 * {@code @Transactional} interceptor as an exception. Liberty's transaction service writes an FFDC
 * incident (a file under {@code logs/ffdc} and an {@code FFDC1015I} line in messages.log) for every
 * unchecked exception that leaves a transactional method, so each 404, 409 or 400 Entra provoked
 * used to look like an internal failure to the operator and cost a few milliseconds of stack dumps.
 * See {@link ClientErrorInterceptors}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface QuietClientErrors {}
