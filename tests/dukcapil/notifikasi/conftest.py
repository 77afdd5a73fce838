import pytest

WA_URL = "https://wa-gateway.test/api/kirim"
SMS_URL = "https://sms-gateway.test/api/sms"


@pytest.fixture
def whatsapp_on(settings):
    settings.WHATSAPP_GATEWAY_URL = WA_URL
    settings.WHATSAPP_GATEWAY_TOKEN = "token-wa-uji"
    settings.WHATSAPP_GATEWAY_SENDER = "6281100000000"
    return settings


@pytest.fixture
def sms_on(settings):
    settings.SMS_GATEWAY_URL = SMS_URL
    settings.SMS_GATEWAY_TOKEN = "token-sms-uji"
    settings.SMS_GATEWAY_SENDER = "DUKCAPIL"
    return settings


@pytest.fixture
def http():
    """Every requests call in the test answered by the mock (an unexpected call fails)."""
    import responses

    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock
