"""How services reach Kafka and PostgreSQL beyond one machine: the settings become verified TLS and SCRAM for every
client, and the local stack's defaults stay plaintext on loopback. The brokers and the database themselves are in
tests/integration/test_kafka_security.py and test_postgres_tls.py."""

import ssl

import pytest
from faststream.security import BaseSecurity, SASLScram512

from lantern_notifications.settings import NotificationsSettings
from lantern_shared.transport import KafkaAccess, as_access, dsn_tls_query


def _settings(**env) -> NotificationsSettings:
    return NotificationsSettings(db_password="p", internal_token="t", **env)


def test_a_deployment_gets_verified_tls_and_its_own_scram_user():
    settings = _settings(kafka_bootstrap="kafka:9092", kafka_security_protocol="SASL_SSL",
                         kafka_sasl_username="lantern-notifications", kafka_sasl_password="pw")
    options = settings.kafka.client_options()
    assert options["security_protocol"] == "SASL_SSL" and options["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("lantern-notifications", "pw")
    context = options["ssl_context"]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
    security = settings.kafka.faststream_security()
    assert isinstance(security, SASLScram512) and security.use_ssl


def test_tls_without_sasl_for_mutual_tls_clusters():
    access = KafkaAccess("kafka:9093", "SSL")
    assert "sasl_mechanism" not in access.client_options()
    security = access.faststream_security()
    assert type(security) is BaseSecurity and security.use_ssl


def test_the_local_stack_keeps_plaintext_and_no_sslmode():
    settings = _settings()
    assert settings.kafka.client_options() == {"bootstrap_servers": "127.0.0.1:9092", "security_protocol": "PLAINTEXT"}
    assert settings.kafka.faststream_security() is None
    assert "?" not in settings.dsn
    assert as_access("127.0.0.1:9092") == KafkaAccess("127.0.0.1:9092")


@pytest.mark.parametrize("env,complaint", [
    ({"kafka_security_protocol": "SASL_SSL"}, "needs a SASL username and password"),
    ({"kafka_security_protocol": "TLS"}, "is not one of"),
    ({"kafka_security_protocol": "SASL_SSL", "kafka_sasl_mechanism": "GSSAPI", "kafka_sasl_username": "u",
      "kafka_sasl_password": "p"}, "is not one of"),
])
def test_an_incomplete_or_unknown_setting_is_refused_at_start(env, complaint):
    with pytest.raises(ValueError, match=complaint):
        _settings(**env)


def test_the_database_dsn_carries_verify_full_and_the_ca():
    settings = _settings(db_host="notifications-db-rw", db_sslmode="verify-full", db_sslrootcert="/etc/lantern/db-ca/ca.crt")
    assert settings.dsn.endswith("@notifications-db-rw:5432/notifications?sslmode=verify-full"
                                 "&sslrootcert=%2Fetc%2Flantern%2Fdb-ca%2Fca.crt")
    with pytest.raises(ValueError, match="sslmode"):
        _settings(db_sslmode="verify_full")
    assert dsn_tls_query("", "") == ""
