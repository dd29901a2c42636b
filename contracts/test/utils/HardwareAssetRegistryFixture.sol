// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {HardwareAssetRegistry} from "../../src/HardwareAssetRegistry.sol";
import {ProtocolFixture} from "./ProtocolFixture.sol";

/// Shared by the hardware registry's tests: its events, its roles, and a robot fleet to register.
abstract contract HardwareAssetRegistryFixture is ProtocolFixture {
    event AssetRegistered(
        uint256 indexed assetId,
        address indexed pool,
        address indexed operator,
        HardwareAssetRegistry.Kind kind,
        string model,
        uint32 units,
        string location,
        string metadataURI
    );
    event AssetStatusChanged(
        uint256 indexed assetId, HardwareAssetRegistry.Status previousStatus, HardwareAssetRegistry.Status status
    );
    event AssetMetadataUpdated(uint256 indexed assetId, string metadataURI);
    event UtilizationReported(
        uint256 indexed assetId, uint64 periodStart, uint64 periodEnd, uint16 utilizationBps, address reporter
    );

    address internal stranger = makeAddr("stranger");
    address internal fleetOperator = makeAddr("fleetOperator");
    bytes32 internal registrarRole;
    bytes32 internal reporterRole;

    function setUp() public override {
        super.setUp();
        registrarRole = registry.REGISTRAR_ROLE();
        reporterRole = registry.REPORTER_ROLE();
    }

    function _register(address to, address op, string memory model) internal returns (uint256) {
        vm.prank(manager);
        return registry.registerAsset(to, op, HardwareAssetRegistry.Kind.RobotFleet, model, 40, "Rotterdam", "ipfs://c");
    }
}
