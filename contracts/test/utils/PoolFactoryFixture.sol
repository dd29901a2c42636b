// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FinancingPool} from "../../src/FinancingPool.sol";
import {PoolStorage} from "../../src/pool/PoolStorage.sol";
import {PoolFactory} from "../../src/PoolFactory.sol";
import {ProtocolFixture} from "./ProtocolFixture.sol";

/// Shared by the factory's tests: its events, a robotics project, and a pool configuration to create from it.
abstract contract PoolFactoryFixture is ProtocolFixture {
    event ProjectRegistered(
        uint256 indexed projectId,
        address indexed operator,
        PoolStorage.Category category,
        string name,
        string metadataURI,
        bytes32 metadataHash
    );
    event PoolCreated(
        address indexed pool,
        uint256 indexed projectId,
        address indexed asset,
        PoolStorage.Category category,
        PoolFactory.PoolConfig config,
        uint16 protocolFeeBps,
        uint32 revenueStreamDuration
    );
    event ProtocolDefaultsUpdated(
        address treasury,
        uint16 protocolFeeBps,
        uint32 revenueStreamDuration,
        address admin,
        address manager,
        address reporter,
        address guardian,
        address compliance
    );

    address internal stranger = makeAddr("stranger");
    address internal robotOperator = makeAddr("robotOperator");
    bytes32 internal adminRole;

    function setUp() public override {
        super.setUp();
        adminRole = factory.DEFAULT_ADMIN_ROLE();
    }

    function _config(uint256 pid) internal pure returns (PoolFactory.PoolConfig memory) {
        return PoolFactory.PoolConfig({
            projectId: pid,
            name: "Rotterdam AMR Round 1",
            symbol: "myROT1",
            depositCap: 2_000_000e6,
            minDeposit: 100e6,
            permissioned: false,
            metadataURI: "/metadata/pools/rotterdam-1.json",
            metadataHash: keccak256("rotterdam")
        });
    }

    function _create(PoolFactory.PoolConfig memory cfg) internal returns (FinancingPool) {
        return factory.createPool(cfg, type(FinancingPool).creationCode);
    }

    function _roles(address m, address r, address g) internal view returns (PoolFactory.Roles memory) {
        return PoolFactory.Roles({admin: admin, manager: m, reporter: r, guardian: g, compliance: compliance});
    }

    function _registerRobotics() internal returns (uint256) {
        vm.prank(admin);
        return factory.registerProject(
            robotOperator,
            PoolStorage.Category.Robotics,
            "Rotterdam Robotics",
            "/metadata/projects/rot.json",
            keccak256("r")
        );
    }
}
