package org.fengqiao.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on pages: a page saying what went wrong, with the right status. A case outside the user's
 * jurisdiction shows the same "not found" page as one that does not exist.
 */
// @RestController is a @Controller too: the API's ProblemHandler is ordered first and takes those.
@ControllerAdvice(annotations = Controller.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

    static final String VIEW = "error/problem";
    private static final Logger log = LoggerFactory.getLogger(PageProblemHandler.class);

    private final ProblemMessages problems;

    PageProblemHandler(ProblemMessages problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e) {
        return page(e.status(), problems.text(e));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e) {
        return page(403, problems.text("problem.forbidden"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
        return page(400, problems.text("input.param.expected", e.getName(),
                JsonErrors.expectation(e.getRequiredType(), problems)));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ModelAndView missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return page(400, problems.text("input.param.missing", e.getParameterName()));
    }

    @ExceptionHandler({jakarta.validation.ConstraintViolationException.class,
            org.springframework.web.method.annotation.HandlerMethodValidationException.class,
            org.springframework.web.bind.MethodArgumentNotValidException.class,
            org.springframework.validation.BindException.class})
    ModelAndView invalidParameter(Exception e) {
        return page(400, problems.text("input.status.400"));
    }

    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    ModelAndView notMultipart(Exception e) {
        return page(400, problems.text("input.multipart.expected"));
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ModelAndView unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        return page(400, JsonErrors.describe(e, problems));
    }

    private static ModelAndView page(int status, String message) {
        ModelAndView mav = new ModelAndView(VIEW);
        mav.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        mav.addObject("status", status);
        mav.addObject("message", message);
        return mav;
    }

}
