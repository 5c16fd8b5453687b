"""The local identity provider's set-up: which Java runs Keycloak, and what the demo realm holds."""

import json

import pytest

from lantern_devstack import keycloak
from lantern_devstack.keycloak import KeycloakError, find_java_home

REALM = json.loads(keycloak.REALM_FILE.read_text())


def fake_java(home, version: str):
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "java").write_text("#!/bin/sh\n")
    (home / "release").write_text(f'JAVA_VERSION="{version}"\n')
    return home


@pytest.fixture
def no_java(tmp_path, monkeypatch):
    for name in ("LANTERN_JAVA_HOME", "JAVA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(keycloak, "_JVM_DIRS", (tmp_path / "jvm",))
    monkeypatch.setattr(keycloak, "_BUNDLED_JAVA", tmp_path / "bundled")
    (tmp_path / "jvm").mkdir()
    return tmp_path


def test_without_java_21_the_stack_says_why_keycloak_cannot_start(no_java):
    fake_java(no_java / "jvm" / "java-17-openjdk-amd64", "17.0.15")
    with pytest.raises(KeycloakError) as refused:
        find_java_home()
    assert "Java 21 or newer" in str(refused.value) and "Java 17" in str(refused.value)
    assert "bootstrap.sh" in str(refused.value) and "LANTERN_JAVA_HOME" in str(refused.value)


def test_the_newest_suitable_java_is_chosen(no_java):
    fake_java(no_java / "jvm" / "java-17-openjdk-amd64", "17.0.15")
    fake_java(no_java / "jvm" / "temurin-21-jdk-amd64", "21.0.5")
    newest = fake_java(no_java / "jvm" / "temurin-25-jdk-amd64", "25.0.1")
    assert find_java_home() == newest


def test_an_explicit_java_home_wins_and_the_bundled_runtime_is_the_last_resort(no_java, monkeypatch):
    bundled = fake_java(no_java / "bundled", "25.0.2")
    assert find_java_home() == bundled
    mine = fake_java(no_java / "mine", "21.0.2")
    monkeypatch.setenv("LANTERN_JAVA_HOME", str(mine))
    assert find_java_home() == mine


def test_the_demo_realm_has_a_web_client_with_pkce_and_the_api_audience():
    (web,) = [c for c in REALM["clients"] if c["clientId"] == "lantern-web"]
    assert not web["publicClient"] and web["standardFlowEnabled"] and not web["directAccessGrantsEnabled"]
    assert web["attributes"]["pkce.code.challenge.method"] == "S256"
    mappers = {m["protocolMapper"]: m["config"] for m in web["protocolMappers"]}
    assert mappers["oidc-audience-mapper"]["included.custom.audience"] == "lantern-api"
    assert mappers["oidc-usermodel-attribute-mapper"]["claim.name"] == "partner_id"


def test_the_demo_realm_has_a_person_for_each_signed_in_role():
    roles = {role for user in REALM["users"] for role in user["realmRoles"]}
    assert {"admin", "staff", "partner"} <= roles
    (partner,) = [u for u in REALM["users"] if "partner" in u["realmRoles"]]
    assert partner["attributes"]["lantern_partner_id"]
