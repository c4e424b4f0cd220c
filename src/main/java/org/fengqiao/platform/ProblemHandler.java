package org.fengqiao.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Writes every API refusal as an RFC 9457 problem detail, in the caller's language, with a message a person
 * can act on. Internal errors never leak details (parties' personal data may be in them).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;
    private final ProblemMessages problems;

    ProblemHandler(MessageSource messages, ProblemMessages problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        // a 404 names what was not found by its id, never by the text the caller sent (it may be anything)
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
                e instanceof ProblemException.NotFound ? problems.text(e.messageKey(), problems.resolve(
                        java.util.Arrays.stream(e.args()).map(a -> a instanceof String ? text("input.given") : a).toArray()))
                        : problems.text(e));
        detail.setTitle(text("problem.title." + e.status()));
        detail.setType(URI.create("https://fengqiao.org/problems/" + e.messageKey()));
        if (e instanceof ProblemException.InvalidInput invalid && invalid.field() != null) {
            detail.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", detail.getDetail())));
        }
        e.properties().forEach(detail::setProperty);
        return ResponseEntity.status(e.status()).body(detail);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("problem.concurrentChange"));
        detail.setTitle(text("problem.title.409"));
        return ResponseEntity.status(409).body(detail);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException e) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("problem.forbidden"));
        detail.setTitle(text("problem.title.403"));
        return ResponseEntity.status(403).body(detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badInput(e.getName(), problems.text("input.param.expected", e.getName(),
                JsonErrors.expectation(e.getRequiredType(), problems)));
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(jakarta.validation.ConstraintViolationException e) {
        var v = e.getConstraintViolations().stream()
                .min(java.util.Comparator.comparing(c -> c.getPropertyPath().toString())).orElseThrow();
        String field = null;
        for (var node : v.getPropertyPath()) {
            field = node.getName();
        }
        return badInput(field, problems.text("input.param.invalid", field, v.getMessage()));
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(org.springframework.web.multipart.MultipartException e) {
        return badInput(null, problems.text("input.multipart.expected"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return cast(badInput(e.getRequestPartName(), problems.text("input.multipart.missingPart", e.getRequestPartName())));
    }

    private ResponseEntity<ProblemDetail> badInput(String field, String message) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        detail.setTitle(text("problem.title.400"));
        if (field != null) {
            detail.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return ResponseEntity.badRequest().body(detail);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (org.fengqiao.platform.web.DatabaseUnavailable.isCause(e)) {
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    text("scale.unavailable.text"));
            detail.setTitle(text("scale.unavailable.title"));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(detail);
        }
        log.error("Unexpected error ({})", e.getClass().getName(), e);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                text("problem.internal"));
        detail.setTitle(text("problem.title.500"));
        return ResponseEntity.internalServerError().body(detail);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(this::fieldError).toList();
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("problem.validation", errors.size()) + " "
                        + String.join("; ", errors.stream().map(m -> m.get("field") + ": " + m.get("message")).toList()));
        detail.setTitle(text("problem.title.400"));
        detail.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(detail);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null ? "?" : r.getMethodParameter().getParameterName(),
                        "message", messages.getMessage(err, LocaleContextHolder.getLocale()))))
                .toList();
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("problem.validation", errors.size()) + " "
                        + String.join("; ", errors.stream().map(m -> m.get("field") + ": " + m.get("message")).toList()));
        detail.setTitle(text("problem.title.400"));
        detail.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(detail);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = JsonErrors.field(ex);
        String message = JsonErrors.describe(ex, problems);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        detail.setTitle(text("problem.title.400"));
        if (field != null) {
            detail.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return cast(badInput(ex.getParameterName(), problems.text("input.param.missing", ex.getParameterName())));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        return cast(badInput(name, problems.text("input.param.expected", name,
                JsonErrors.expectation(ex.getRequiredType(), problems))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, text("problem.uploadTooLarge"));
        detail.setTitle(text("problem.title.413"));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(detail);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd) {
            String key = "problem.title." + statusCode.value();
            String title = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
            if (title != null) {
                pd.setTitle(title);
            }
            // Spring's own details name Java types, handler signatures and the values sent: say it in our words
            String words = messages.getMessage("input.status." + statusCode.value(), null, null,
                    LocaleContextHolder.getLocale());
            if (words != null && !(ex instanceof MethodArgumentNotValidException)
                    && !(ex instanceof HandlerMethodValidationException)) {
                pd.setDetail(words);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", messages.getMessage(error, LocaleContextHolder.getLocale()));
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
