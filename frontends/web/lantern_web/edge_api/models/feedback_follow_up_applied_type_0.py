from typing import Literal

FeedbackFollowUpAppliedType0 = Literal['no', 'partly', 'yes']

FEEDBACK_FOLLOW_UP_APPLIED_TYPE_0_VALUES: set[FeedbackFollowUpAppliedType0] = { 'no', 'partly', 'yes',  }

def check_feedback_follow_up_applied_type_0(value: str) -> FeedbackFollowUpAppliedType0:
    if value in FEEDBACK_FOLLOW_UP_APPLIED_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FEEDBACK_FOLLOW_UP_APPLIED_TYPE_0_VALUES!r}")
